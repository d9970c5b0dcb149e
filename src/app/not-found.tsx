import { Compass } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { CenteredPage } from "@/components/feedback/centered-page";
import { Button } from "@/components/ui/button";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("shell.notFound");
  return { title: t("metaTitle") };
}

export default async function NotFound() {
  const t = await getTranslations("shell.notFound");
  return (
    <CenteredPage>
      <div
        className="flex max-w-md flex-col items-center gap-4 text-center"
        data-testid="not-found"
      >
        <p className="text-prism font-display text-7xl font-black tracking-tighter sm:text-8xl">
          404
        </p>
        <h1 className="font-display text-ink text-2xl font-bold tracking-tight">{t("title")}</h1>
        <p className="text-ink-muted">{t("body")}</p>
        <div className="mt-2 flex flex-wrap justify-center gap-2">
          <Button asChild>
            <Link href="/">{t("home")}</Link>
          </Button>
          <Button asChild variant="secondary">
            <Link href="/explore">
              <Compass aria-hidden="true" />
              {t("explore")}
            </Link>
          </Button>
        </div>
      </div>
    </CenteredPage>
  );
}
