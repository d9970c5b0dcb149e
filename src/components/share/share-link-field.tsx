"use client";

import { Check, Copy } from "lucide-react";
import { useTranslations } from "next-intl";
import { useEffect, useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { toast } from "@/components/ui/toast";
import { copyText } from "./copy-text";
import { ShareButton } from "./share-button";
import { absoluteUrl, useSiteOrigin } from "./use-site-origin";

interface ShareLinkFieldProps {
  /** The share page's path, e.g. "/s/c/Ab3dE6gH9k". */
  path: string;
  title: string;
  label?: string;
}

/** The share link in a read-only field, with Copy and Share beside it. */
export function ShareLinkField({ path, title, label }: ShareLinkFieldProps) {
  const t = useTranslations("share.button");
  const origin = useSiteOrigin();
  const link = absoluteUrl(path, origin);
  const id = useId();
  const [copied, setCopied] = useState(false);

  useEffect(() => {
    if (!copied) return;
    const timer = window.setTimeout(() => setCopied(false), 2000);
    return () => window.clearTimeout(timer);
  }, [copied]);

  async function copy() {
    if (await copyText(link)) {
      setCopied(true);
      toast({ variant: "success", title: t("linkCopied") });
    } else {
      toast({
        variant: "error",
        title: t("copyFailed"),
        description: t("selectAndCopy"),
      });
    }
  }

  return (
    <div className="flex flex-col gap-1.5" data-testid="share-link-field">
      <Label htmlFor={id}>{label ?? t("shareLink")}</Label>
      <div className="flex gap-2">
        <Input
          id={id}
          name="shareLink"
          readOnly
          value={link}
          onFocus={(event) => event.currentTarget.select()}
          className="min-w-0 flex-1 font-mono text-xs sm:h-10 sm:text-xs"
          data-testid="share-link-input"
        />
        <Button
          variant="secondary"
          size="icon"
          onClick={() => void copy()}
          aria-label={copied ? t("linkCopied") : t("copyLink")}
          title={t("copyLink")}
          data-testid="copy-share-link"
        >
          {copied ? (
            <Check aria-hidden="true" className="text-success" />
          ) : (
            <Copy aria-hidden="true" />
          )}
        </Button>
        <ShareButton url={path} title={title} iconOnly label={t("shareLink")} />
      </div>
    </div>
  );
}
