"use client";

import { ExternalLink, Globe, Lock } from "lucide-react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useId } from "react";
import { ShareLinkField } from "@/components/share/share-link-field";
import { Card } from "@/components/ui/card";
import { Switch } from "@/components/ui/switch";
import { toast } from "@/components/ui/toast";
import { useApiMutation } from "@/lib/api/hooks";
import { cn } from "@/lib/cn";
import type { Collection } from "@/shared/api-types";

interface CollectionSharingCardProps {
  collection: Collection;
  onVisibilityChange: (isPublic: boolean) => Promise<void>;
  className?: string;
}

/** The public/private switch and, while public, the share link with Copy and Share. */
export function CollectionSharingCard({
  collection,
  onVisibilityChange,
  className,
}: CollectionSharingCardProps) {
  const t = useTranslations("collections.sharing");
  const id = useId();
  const visibility = useApiMutation({
    mutationFn: onVisibilityChange,
    errorToast: (isPublic: boolean) => (isPublic ? t("publicFailed") : t("privateFailed")),
    onSuccess: (_data, isPublic) =>
      toast(
        isPublic
          ? {
              variant: "success",
              title: t("madePublic"),
              description: t("madePublicDescription"),
            }
          : { title: t("madePrivate"), description: t("madePrivateDescription") },
      ),
  });
  const pending = visibility.isPending;
  const toggle = (isPublic: boolean) => visibility.mutate(isPublic);

  return (
    <Card className={cn("flex flex-col gap-4 p-5", className)} data-testid="collection-sharing">
      <div className="flex items-start justify-between gap-4">
        <div className="flex min-w-0 gap-3">
          <span
            className={cn(
              "flex size-10 shrink-0 items-center justify-center rounded-xl",
              collection.isPublic
                ? "bg-primary-soft text-primary"
                : "bg-surface-raised text-ink-muted",
            )}
          >
            {collection.isPublic ? (
              <Globe aria-hidden="true" className="size-5" />
            ) : (
              <Lock aria-hidden="true" className="size-5" />
            )}
          </span>
          <div className="flex min-w-0 flex-col gap-0.5">
            <label htmlFor={id} className="text-ink text-sm font-semibold">
              {t("label")}
            </label>
            <p id={`${id}-hint`} className="text-ink-muted text-sm">
              {collection.isPublic ? t("publicHint") : t("privateHint")}
            </p>
          </div>
        </div>
        <Switch
          id={id}
          checked={collection.isPublic}
          disabled={pending}
          onCheckedChange={toggle}
          aria-describedby={`${id}-hint`}
          className="mt-1"
          data-testid="collection-visibility-switch"
        />
      </div>
      {collection.isPublic && collection.shareUrl ? (
        <>
          <ShareLinkField path={collection.shareUrl} title={collection.name} />
          <Link
            href={collection.shareUrl}
            className="text-primary inline-flex items-center gap-1.5 self-start rounded-lg text-sm font-semibold hover:underline"
          >
            <ExternalLink aria-hidden="true" className="size-4" />
            {t("preview")}
          </Link>
        </>
      ) : null}
    </Card>
  );
}
