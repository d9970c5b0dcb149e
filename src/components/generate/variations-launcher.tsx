"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { toast } from "@/components/ui/toast";
import type { Image } from "@/shared/api-types";
import { useGenerationStore } from "./generation-store";
import { VariationsDialog } from "./variations-dialog";

/**
 * Variations asked for outside the composer (the image page): the dialog, open at once; its
 * submit starts the work in the generation store and goes to /generate, where the images
 * arrive in the result grid. Loaded on the first click, so the page does not carry it.
 */
export function VariationsLauncher({ image, onDone }: { image: Image; onDone: () => void }) {
  const t = useTranslations("results.variations");
  const router = useRouter();
  const start = useGenerationStore((state) => state.start);
  const quota = useGenerationStore((state) => state.quota);
  return (
    <VariationsDialog
      open
      onOpenChange={(open) => {
        if (!open) onDone();
      }}
      prompt={image.prompt}
      defaultCount={2}
      remaining={quota?.remainingToday ?? null}
      onSubmit={(input) => {
        if (useGenerationStore.getState().run.status === "running") {
          toast({
            title: t("busyTitle"),
            description: t("busyElsewhere"),
          });
          return;
        }
        void start({ kind: "variations", sourceId: image.id, input });
        router.push("/generate");
      }}
    />
  );
}
