"use client";

import { RotateCw, TriangleAlert } from "lucide-react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";

interface ErrorPanelProps {
  error: Error & { digest?: string };
  onRetry: () => void;
  title?: string;
  homeHref?: string;
}

/** What a route error boundary shows: a calm message, the reference, and a retry. */
export function ErrorPanel({ error, onRetry, title, homeHref }: ErrorPanelProps) {
  const t = useTranslations("shell.errorPanel");
  const [retrying, setRetrying] = useState(false);
  return (
    <div
      role="alert"
      data-testid="error-panel"
      className="rounded-card border-line bg-surface shadow-card mx-auto flex max-w-lg flex-col items-center gap-4 border px-6 py-10 text-center sm:px-10"
    >
      <span className="bg-danger-soft text-danger flex size-14 items-center justify-center rounded-2xl">
        <TriangleAlert aria-hidden="true" className="size-7" />
      </span>
      <h1 className="font-display text-ink text-2xl font-bold tracking-tight">
        {title ?? t("title")}
      </h1>
      <p className="text-ink-muted">{t("body")}</p>
      {error.digest ? (
        <p className="bg-surface-sunken text-ink-subtle rounded-lg px-3 py-1.5 font-mono text-xs">
          {t("reference", { digest: error.digest })}
        </p>
      ) : null}
      <div className="mt-2 flex flex-wrap justify-center gap-2">
        <Button
          loading={retrying}
          onClick={() => {
            setRetrying(true);
            onRetry();
            window.setTimeout(() => setRetrying(false), 600);
          }}
        >
          {retrying ? null : <RotateCw aria-hidden="true" />}
          {t("tryAgain")}
        </Button>
        {homeHref ? (
          <Button asChild variant="secondary">
            <Link href={homeHref}>{t("home")}</Link>
          </Button>
        ) : null}
      </div>
    </div>
  );
}
