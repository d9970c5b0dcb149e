"use client";

import {
  Copy,
  CornerDownRight,
  Download,
  Globe,
  Lock,
  Maximize2,
  Pencil,
  RotateCw,
  Shuffle,
  TriangleAlert,
  WandSparkles,
} from "lucide-react";
import { PlainImage } from "@/components/ui/plain-image";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState, type ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import { Button, buttonClasses } from "@/components/ui/button";
import { toast } from "@/components/ui/toast";
import { useApiMutation } from "@/lib/api/hooks";
import { apiFetch } from "@/lib/api/request";
import type { Image as StudioImage } from "@/shared/api-types";
import { generateSettingsHref } from "@/components/image-detail/image-format";
import { EditInstructionForm } from "./edit-instruction-form";
import {
  canRepeat,
  respecForAgain,
  useGenerationStore,
  type SessionResult,
} from "./generation-store";
import { ImageZoomDialog } from "./image-zoom-dialog";
import { providerLabel } from "./provider-label";
import { ratioBoxStyle } from "./ratio-box";
import { useVariations } from "./use-variations";

interface GenerationResultProps {
  result: SessionResult;
  parent: SessionResult | null;
  running: boolean;
}

export function GenerationResult({ result, parent, running }: GenerationResultProps) {
  const t = useTranslations("results.result");
  const { image } = result;
  const start = useGenerationStore((state) => state.start);
  const select = useGenerationStore((state) => state.select);
  const [editing, setEditing] = useState(false);
  const variations = useVariations(image);
  const provider = providerLabel(image);
  const downloadHref = `/api/v1/images/${image.id}/download?size=original`;
  const preview = image.urls.thumbnails["800"] ?? image.urls.original;

  return (
    <section
      aria-labelledby="generate-result-title"
      className="flex flex-col gap-5"
      data-testid="generate-result"
      data-image-id={image.id}
    >
      <h2 id="generate-result-title" className="sr-only">
        {t("title")}
      </h2>
      {image.model === "demo" ? <DemoNotice /> : null}

      <ImageZoomDialog image={image} downloadHref={downloadHref}>
        <button
          type="button"
          className="group rounded-card border-line bg-surface-sunken shadow-card relative mx-auto block overflow-hidden border"
          style={ratioBoxStyle(`${image.width}:${image.height}`, "64vh")}
          aria-label={t("viewFull")}
          data-testid="result-image"
        >
          <PlainImage
            src={preview}
            alt={image.prompt}
            width={image.width}
            height={image.height}
            priority
            className="size-full object-cover"
          />
          <span className="absolute right-3 bottom-3 inline-flex items-center gap-1.5 rounded-full bg-black/55 px-3 py-1.5 text-xs font-semibold text-white opacity-90 backdrop-blur transition-opacity group-hover:opacity-100">
            <Maximize2 aria-hidden="true" className="size-3.5" />
            {t("fullSize")}
          </span>
        </button>
      </ImageZoomDialog>

      <div className="flex flex-col gap-3">
        {image.parentId ? (
          <p className="text-ink-muted flex items-center gap-2 text-sm" data-testid="edited-from">
            <CornerDownRight aria-hidden="true" className="size-4 shrink-0" />
            {parent ? (
              <>
                <span className="shrink-0">
                  {result.spec.kind === "variations" ? t("variationOf") : t("editedFrom")}
                </span>
                <button
                  type="button"
                  onClick={() => select(parent.image.id)}
                  className="text-primary inline-flex min-w-0 items-center gap-2 rounded-lg font-semibold hover:underline"
                >
                  <PlainImage
                    src={parent.image.urls.thumbnails["150"] ?? parent.image.urls.original}
                    alt=""
                    width={24}
                    height={24}
                    className="size-6 shrink-0 rounded-md object-cover"
                  />
                  <span className="truncate">“{parent.image.prompt}”</span>
                </button>
              </>
            ) : result.spec.kind === "variations" ? (
              t("variationOfEarlier")
            ) : (
              t("editedFromEarlier")
            )}
          </p>
        ) : null}
        <p
          className="text-ink text-base leading-relaxed [overflow-wrap:anywhere]"
          data-testid="result-prompt"
        >
          {image.prompt}
        </p>
        <div className="flex flex-wrap gap-1.5">
          <Badge variant={image.isPublic ? "success" : "neutral"} data-testid="result-visibility">
            {image.isPublic ? <Globe aria-hidden="true" /> : <Lock aria-hidden="true" />}
            {image.isPublic ? t("public") : t("private")}
          </Badge>
          {result.replayed ? <Badge variant="primary">{t("replayed")}</Badge> : null}
          {image.tags.map((tag) => (
            <Badge key={tag}>#{tag}</Badge>
          ))}
        </div>
        <dl className="border-line bg-surface-raised/50 grid grid-cols-2 gap-x-4 gap-y-2 rounded-2xl border p-4 text-sm min-[440px]:grid-cols-3">
          <Fact
            label={t("facts.seed")}
            value={
              <span className="font-mono" data-testid="result-seed">
                {image.seed}
              </span>
            }
          />
          <Fact
            label={t("facts.provider")}
            value={<span data-testid="result-provider">{provider ?? "—"}</span>}
          />
          <Fact
            label={t("facts.model")}
            value={<span className="[overflow-wrap:anywhere]">{image.model}</span>}
          />
          <Fact
            label={t("facts.size")}
            value={t("facts.sizeValue", {
              width: String(image.width),
              height: String(image.height),
            })}
          />
          <Fact
            label={t("facts.quality")}
            value={
              image.quality === "high"
                ? t("facts.high")
                : image.quality === "standard"
                  ? t("facts.standard")
                  : image.quality
            }
          />
        </dl>
      </div>

      <div className="grid grid-cols-2 gap-2 sm:flex sm:flex-wrap">
        <a
          href={downloadHref}
          download
          className={buttonClasses({ variant: "primary" })}
          data-testid="result-download"
        >
          <Download aria-hidden="true" />
          {t("download")}
        </a>
        <Button
          variant="secondary"
          aria-expanded={editing}
          onClick={() => setEditing((value) => !value)}
          data-testid="result-edit"
        >
          <Pencil aria-hidden="true" />
          <span>
            {t.rich("edit", {
              wide: (chunks) => <span className="hidden sm:inline">{chunks}</span>,
            })}
          </span>
        </Button>
        <VisibilityButton image={image} />
        <Button
          variant="secondary"
          disabled={running}
          onClick={variations.open}
          data-testid="result-variations"
        >
          <Shuffle aria-hidden="true" />
          {t("variations")}
        </Button>
        <Link
          href={generateSettingsHref(image)}
          className={buttonClasses({ variant: "secondary" })}
          data-testid="result-remix"
        >
          <WandSparkles aria-hidden="true" />
          {t("remix")}
        </Link>
        {canRepeat(result.spec) ? (
          <Button
            variant="secondary"
            disabled={running}
            onClick={() => void start(respecForAgain(result.spec))}
            data-testid="result-again"
          >
            <RotateCw aria-hidden="true" />
            {t("again")}
          </Button>
        ) : null}
        <Button
          variant="ghost"
          onClick={() => void copySeed(image.seed, t)}
          data-testid="result-copy-seed"
        >
          <Copy aria-hidden="true" />
          {t("copySeed")}
        </Button>
      </div>

      {variations.dialog}
      {editing ? (
        <EditInstructionForm
          imageId={image.id}
          running={running}
          onCancel={() => setEditing(false)}
          onSubmit={(prompt) => {
            setEditing(false);
            void start({ kind: "edit", sourceId: image.id, input: { prompt } });
          }}
        />
      ) : null}
    </section>
  );
}

function Fact({ label, value }: { label: string; value: ReactNode }) {
  return (
    <div className="flex min-w-0 flex-col">
      <dt className="text-ink-subtle text-xs font-semibold tracking-wide uppercase">{label}</dt>
      <dd className="text-ink font-medium">{value}</dd>
    </div>
  );
}

function DemoNotice() {
  const t = useTranslations("results.result");
  return (
    <Link
      href="/settings#gemini-key"
      className="border-warning/30 bg-warning-soft hover:border-warning/60 flex items-center gap-3 rounded-2xl border px-4 py-3 text-sm"
      data-testid="demo-badge"
    >
      <TriangleAlert aria-hidden="true" className="text-warning size-5 shrink-0" />
      <span className="text-ink">
        {t.rich("demo", {
          strong: (chunks) => <span className="font-semibold">{chunks}</span>,
        })}
      </span>
      <span aria-hidden="true" className="text-warning ml-auto font-semibold">
        →
      </span>
    </Link>
  );
}

function VisibilityButton({ image }: { image: StudioImage }) {
  const t = useTranslations("results.result");
  const replaceImage = useGenerationStore((state) => state.replaceImage);
  const visibility = useApiMutation<StudioImage, boolean>({
    mutationFn: async (isPublic) =>
      (
        await apiFetch<{ image: StudioImage }>(`/api/v1/images/${image.id}`, {
          method: "PATCH",
          json: { isPublic },
        })
      ).image,
    onSuccess: (saved) => {
      replaceImage(saved);
      toast({
        variant: "success",
        title: saved.isPublic ? t("nowPublic") : t("nowPrivate"),
        description: saved.isPublic ? t("nowPublicBody") : t("nowPrivateBody"),
      });
    },
    errorToast: t("visibilityFailed"),
  });
  const pending = visibility.isPending;
  const toggle = () => visibility.mutate(!image.isPublic);

  return (
    <Button
      variant="secondary"
      loading={pending}
      onClick={toggle}
      data-testid="result-visibility-toggle"
    >
      {pending ? null : image.isPublic ? <Lock aria-hidden="true" /> : <Globe aria-hidden="true" />}
      {image.isPublic ? t("makePrivate") : t("makePublic")}
    </Button>
  );
}

async function copySeed(seed: number, t: ReturnType<typeof useTranslations<"results.result">>) {
  try {
    await navigator.clipboard.writeText(String(seed));
    toast({
      variant: "success",
      title: t("seedCopied"),
      description: t("seedCopiedBody", { seed: String(seed) }),
    });
  } catch {
    toast({
      variant: "error",
      title: t("seedCopyFailed"),
      description: t("seedIs", { seed: String(seed) }),
    });
  }
}
