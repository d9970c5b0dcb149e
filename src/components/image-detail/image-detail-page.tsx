"use client";

import { ArrowLeft } from "lucide-react";
import { useTranslations } from "next-intl";
import { useTemplateText } from "@/lib/i18n/template-text";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import type { Image, ImageLineage } from "@/shared/api-types";
import { UndoDeleteToast } from "@/components/gallery/undo-delete-toast";
import { scheduleDelete } from "@/components/gallery/pending-deletes";
import { imageHref } from "@/components/gallery/lightbox-history";
import { toast } from "@/components/ui/toast";
import { ImageDetail } from "./image-detail";

interface ImageDetailPageProps {
  initialImage: Image;
  initialLineage: ImageLineage;
  /** The style template used: null for none, "retired" when it no longer exists. */
  template: { slug: string; name: string; description: string } | "retired" | null;
  canManage: boolean;
}

/** /images/[id] on its own (a reload of the lightbox's URL, a shared link, a new tab). */
export function ImageDetailPage({
  initialImage,
  initialLineage,
  template,
  canManage,
}: ImageDetailPageProps) {
  const t = useTranslations("image.page");
  const router = useRouter();
  const [image, setImage] = useState(initialImage);
  const templateText = useTemplateText();
  const templateName =
    template === null
      ? null
      : template === "retired"
        ? t("retiredStyle")
        : templateText(template).name;

  return (
    <div className="flex flex-col gap-4">
      <Link
        href="/gallery"
        className="rounded-control text-ink-muted hover:text-ink inline-flex h-11 items-center gap-2 self-start pr-3 text-sm font-semibold"
      >
        <ArrowLeft aria-hidden="true" className="size-4" />
        {canManage ? t("backToGallery") : t("backToStudio")}
      </Link>
      <ImageDetail
        variant="page"
        image={image}
        onImageChange={setImage}
        canManage={canManage}
        templateName={templateName}
        initialLineage={initialLineage}
        onOpenImage={(id) => router.push(imageHref(id))}
        onEdited={(edited) => {
          toast({ variant: "success", title: t("editReady") });
          router.push(imageHref(edited.id));
        }}
        onDelete={() => {
          scheduleDelete([image.id]);
          router.push("/gallery");
        }}
      />
      <UndoDeleteToast />
    </div>
  );
}
