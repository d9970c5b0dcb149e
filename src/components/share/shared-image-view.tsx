import { Download, Images } from "lucide-react";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { UserAvatar } from "@/components/shell/user-avatar";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { cn } from "@/lib/cn";
import type { PublicImage } from "@/shared/api-types";
import { MakeYourOwnCta } from "./make-your-own-cta";
import { ShareButton } from "./share-button";
import { thumbnailDimensions, thumbnailUrl } from "./thumbnail-size";

interface SharedImageViewProps {
  image: PublicImage;
  signedIn: boolean;
  /** The signed-in person is the image's author. */
  isOwner: boolean;
}

function Fact({
  term,
  children,
  wide = false,
}: {
  term: string;
  children: ReactNode;
  wide?: boolean;
}) {
  return (
    <div
      className={cn(
        "border-line bg-surface flex min-w-0 flex-col gap-0.5 rounded-2xl border px-4 py-3",
        wide && "col-span-2",
      )}
    >
      <dt className="text-ink-subtle text-xs font-semibold tracking-wide uppercase">{term}</dt>
      <dd className="text-ink truncate text-sm font-medium">{children}</dd>
    </div>
  );
}

/** The public page of one shared image: the picture, its prompt and author, download and share. */
export async function SharedImageView({ image, signedIn, isOwner }: SharedImageViewProps) {
  const [t, format] = await Promise.all([getTranslations("share.image"), getFormatter()]);
  const { width, height } = thumbnailDimensions(image, 800);
  const shareUrl = image.shareUrl ?? "";
  return (
    <article
      className="mx-auto grid w-full max-w-6xl gap-8 px-4 pt-6 pb-16 sm:px-6 lg:grid-cols-[minmax(0,7fr)_minmax(0,5fr)] lg:gap-12 lg:pt-10"
      data-testid="shared-image"
    >
      <figure className="flex justify-center lg:sticky lg:top-24 lg:self-start">
        <div
          className="rounded-card border-line bg-surface-sunken shadow-pop overflow-hidden border"
          style={{
            aspectRatio: `${image.width} / ${image.height}`,
            width: `min(100%, calc(76vh * ${image.width} / ${image.height}))`,
          }}
        >
          <picture className="contents">
            <img
              src={thumbnailUrl(image, "800")}
              alt={image.prompt}
              width={width}
              height={height}
              fetchPriority="high"
              className="size-full object-cover"
              data-testid="shared-image-picture"
            />
          </picture>
        </div>
      </figure>

      <div className="flex min-w-0 flex-col gap-6">
        <header className="flex flex-col gap-4">
          <p className="text-primary text-xs font-semibold tracking-[0.16em] uppercase">
            {t("eyebrow")}
          </p>
          <h1 className="font-display text-ink text-xl leading-snug font-semibold tracking-tight break-words sm:text-2xl">
            {image.prompt}
          </h1>
          <div className="flex items-center gap-3">
            <UserAvatar name={image.author.name} email="" size="md" />
            <p className="flex flex-col text-sm">
              <span className="text-ink font-semibold">
                <span className="sr-only">{t("by")}</span>
                {image.author.name}
              </span>
              <span className="text-ink-muted">
                <time dateTime={image.createdAt}>
                  {format.dateTime(new Date(image.createdAt), { dateStyle: "medium" })}
                </time>
              </span>
            </p>
          </div>
        </header>

        <div className="flex flex-wrap gap-2">
          <Button asChild>
            <a
              href={`/api/v1/images/${image.id}/download?size=original`}
              download
              data-testid="shared-image-download"
            >
              <Download aria-hidden="true" />
              {t("download")}
            </a>
          </Button>
          {shareUrl ? (
            <ShareButton url={shareUrl} title={image.prompt} data-testid="shared-image-share" />
          ) : null}
        </div>

        {isOwner ? (
          <Alert title={t("ownerTitle")} role="status">
            {t.rich("ownerText", {
              link: (chunks) => (
                <Link
                  href={`/images/${image.id}`}
                  className="text-primary font-semibold underline-offset-2 hover:underline"
                >
                  {chunks}
                </Link>
              ),
            })}
          </Alert>
        ) : null}

        <dl className="grid grid-cols-2 gap-2">
          <Fact term={t("model")} wide>
            {image.model === "demo" ? t("demoModel") : image.model}
          </Fact>
          <Fact term={t("size")}>
            {t("dimensions", { width: String(image.width), height: String(image.height) })}
          </Fact>
          <Fact term={t("aspectRatio")}>{image.aspectRatio}</Fact>
          <Fact term={t("quality")}>{image.quality === "high" ? t("high") : t("standard")}</Fact>
          <Fact term={t("downloads")}>{format.number(image.downloadCount)}</Fact>
        </dl>

        {image.tags.length > 0 ? (
          <div className="flex flex-col gap-2">
            <h2 className="text-ink-subtle text-xs font-semibold tracking-wide uppercase">
              {t("tags")}
            </h2>
            <ul className="flex flex-wrap gap-2">
              {image.tags.map((tag) => (
                <li key={tag}>
                  <Link
                    href={`/explore?tag=${encodeURIComponent(tag)}`}
                    className="border-line-strong bg-surface text-ink-muted hover:border-primary/40 hover:text-ink inline-flex min-h-9 items-center rounded-full border px-3 text-sm"
                  >
                    #{tag}
                  </Link>
                </li>
              ))}
            </ul>
          </div>
        ) : null}

        <MakeYourOwnCta signedIn={signedIn} />

        <Link
          href="/explore"
          className="text-primary inline-flex items-center gap-2 self-start rounded-lg text-sm font-semibold hover:underline"
        >
          <Images aria-hidden="true" className="size-4" />
          {t("moreInExplore")}
        </Link>
      </div>
    </article>
  );
}
