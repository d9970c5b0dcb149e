"use client";

import { Share2 } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button, type ButtonSize, type ButtonVariant } from "@/components/ui/button";
import { toast } from "@/components/ui/toast";
import { cn } from "@/lib/cn";
import { copyText } from "./copy-text";

interface ShareButtonProps {
  /** A path on this site ("/s/i/…") or an absolute URL. */
  url: string;
  /** What the share sheet shows as the title. */
  title: string;
  text?: string;
  /** The visible label, or the accessible name when `iconOnly`. */
  label?: string;
  iconOnly?: boolean;
  /** "overlay": a round, translucent icon button for placing on a picture. */
  appearance?: "button" | "overlay";
  variant?: ButtonVariant;
  size?: ButtonSize;
  className?: string;
  "data-testid"?: string;
}

function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === "AbortError";
}

type ShareT = ReturnType<typeof useTranslations<"share.button">>;

async function shareLink(
  { url, title, text }: { url: string; title: string; text?: string },
  t: ShareT,
) {
  const link = new URL(url, window.location.origin).toString();
  const data: ShareData = { url: link, title, text };
  if (typeof navigator.share === "function" && (navigator.canShare?.(data) ?? true)) {
    try {
      await navigator.share(data);
      return;
    } catch (error) {
      // The person closed the sheet: nothing to do. Any other refusal falls back to copying.
      if (isAbort(error)) return;
    }
  }
  if (await copyText(link)) {
    toast({ variant: "success", title: t("linkCopied"), description: link });
  } else {
    toast({
      variant: "error",
      title: t("copyFailed"),
      description: t("copyByHand", { link }),
    });
  }
}

/** Opens the system share sheet where there is one (phones, some desktops); copies the link elsewhere. */
export function ShareButton({
  url,
  title,
  text,
  label,
  iconOnly = false,
  appearance = "button",
  variant = "secondary",
  size = "md",
  className,
  ...rest
}: ShareButtonProps) {
  const t = useTranslations("share.button");
  const name = label ?? t("share");
  const [busy, setBusy] = useState(false);
  const onClick = () => {
    if (busy) return;
    setBusy(true);
    void shareLink({ url, title, text }, t).finally(() => setBusy(false));
  };

  if (appearance === "overlay") {
    return (
      <button
        type="button"
        onClick={onClick}
        aria-label={name}
        title={name}
        aria-busy={busy || undefined}
        data-testid={rest["data-testid"]}
        className={cn(
          "inline-flex size-10 items-center justify-center rounded-full bg-black/45 text-white shadow-sm backdrop-blur-md",
          "transition-colors hover:bg-black/65 sm:size-9",
          className,
        )}
      >
        <Share2 aria-hidden="true" className="size-4" />
      </button>
    );
  }

  return (
    <Button
      variant={variant}
      size={iconOnly ? "icon" : size}
      className={className}
      aria-label={iconOnly ? name : undefined}
      title={iconOnly ? name : undefined}
      aria-busy={busy || undefined}
      data-testid={rest["data-testid"]}
      onClick={onClick}
    >
      <Share2 aria-hidden="true" />
      {iconOnly ? null : name}
    </Button>
  );
}
