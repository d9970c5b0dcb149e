"use client";

import { ArrowLeft } from "lucide-react";
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
  templateName: string | null;
  canManage: boolean;
}

/** /images/[id] on its own (a reload of the lightbox's URL, a shared link, a new tab). */
export function ImageDetailPage({
  initialImage,
  initialLineage,
  templateName,
  canManage,
}: ImageDetailPageProps) {
  const router = useRouter();
  const [image, setImage] = useState(initialImage);

  return (
    <div className="flex flex-col gap-4">
      <Link
        href="/gallery"
        className="rounded-control text-ink-muted hover:text-ink inline-flex h-11 items-center gap-2 self-start pr-3 text-sm font-semibold"
      >
        <ArrowLeft aria-hidden="true" className="size-4" />
        {canManage ? "My gallery" : "Back to the studio"}
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
          toast({ variant: "success", title: "Your edit is ready" });
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
