"use client";

import { Check, Copy, Globe, Lock } from "lucide-react";
import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Switch } from "@/components/ui/switch";
import { toast } from "@/components/ui/toast";
import type { Image } from "@/shared/api-types";
import { useHydrated } from "./use-hydrated";

interface VisibilityControlProps {
  image: Image;
  onChange: (isPublic: boolean) => void;
}

/** Public or private, and the share link (with copy) while public. */
export function VisibilityControl({ image, onChange }: VisibilityControlProps) {
  const t = useTranslations("image.visibility");
  const id = useId();
  const hydrated = useHydrated();
  const [copied, setCopied] = useState(false);
  const shareLink = image.shareUrl
    ? hydrated
      ? new URL(image.shareUrl, window.location.origin).href
      : image.shareUrl
    : null;

  async function copyLink() {
    if (!shareLink) return;
    try {
      await navigator.clipboard.writeText(shareLink);
      setCopied(true);
      window.setTimeout(() => setCopied(false), 2000);
      toast({ variant: "success", title: t("linkCopied") });
    } catch {
      toast({
        variant: "error",
        title: t("copyFailed"),
        description: t("copyFailedHint"),
      });
    }
  }

  return (
    <div className="flex flex-col gap-3">
      <div className="flex items-start justify-between gap-4">
        <div className="flex gap-3">
          <span className="bg-surface-raised text-ink-muted mt-0.5 flex size-9 shrink-0 items-center justify-center rounded-xl">
            {image.isPublic ? (
              <Globe aria-hidden="true" className="size-4" />
            ) : (
              <Lock aria-hidden="true" className="size-4" />
            )}
          </span>
          <div className="flex flex-col gap-0.5">
            <label htmlFor={id} className="text-ink text-sm font-semibold">
              {image.isPublic ? t("public") : t("private")}
            </label>
            <p id={`${id}-hint`} className="text-ink-muted text-sm">
              {image.isPublic ? t("publicHint") : t("privateHint")}
            </p>
          </div>
        </div>
        <Switch
          id={id}
          checked={image.isPublic}
          onCheckedChange={onChange}
          aria-describedby={`${id}-hint`}
          data-testid="image-visibility"
          className="mt-1"
        />
      </div>
      {image.isPublic && shareLink ? (
        <div className="flex gap-2">
          <Input
            id="image-share-link"
            name="shareLink"
            readOnly
            value={shareLink}
            aria-label={t("shareLink")}
            onFocus={(event) => event.target.select()}
            className="font-mono"
            data-testid="image-share-link"
          />
          <Button variant="secondary" onClick={() => void copyLink()} className="shrink-0">
            {copied ? <Check aria-hidden="true" /> : <Copy aria-hidden="true" />}
            {copied ? t("copied") : t("copy")}
          </Button>
        </div>
      ) : null}
    </div>
  );
}
