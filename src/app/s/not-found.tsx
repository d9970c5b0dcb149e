import { Compass, Link2Off } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("share.meta");
  return { title: t("notFoundTitle"), robots: { index: false } };
}

export default async function ShareNotFound() {
  const t = await getTranslations("share.notFound");
  return (
    <div
      className="mx-auto flex max-w-md flex-col items-center gap-4 px-4 py-20 text-center"
      data-testid="share-not-found"
    >
      <span className="bg-primary-soft text-primary flex size-16 items-center justify-center rounded-2xl">
        <Link2Off aria-hidden="true" className="size-8" />
      </span>
      <h1 className="font-display text-ink text-2xl font-bold tracking-tight">{t("title")}</h1>
      <p className="text-ink-muted">{t("text")}</p>
      <div className="mt-2 flex flex-wrap justify-center gap-2">
        <Button asChild>
          <Link href="/explore">
            <Compass aria-hidden="true" />
            {t("explore")}
          </Link>
        </Button>
        <Button asChild variant="secondary">
          <Link href="/">{t("home")}</Link>
        </Button>
      </div>
    </div>
  );
}
