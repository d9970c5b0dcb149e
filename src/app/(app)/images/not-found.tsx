import { ImageOff } from "lucide-react";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PageContainer } from "@/components/shell/page-header";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";

export default async function ImageNotFound() {
  const t = await getTranslations("image.notFound");
  return (
    <PageContainer>
      <div data-testid="image-not-found">
        <EmptyState
          headingLevel="h2"
          illustration={
            <div className="bg-surface-raised text-ink-subtle mx-auto flex size-20 items-center justify-center rounded-3xl">
              <ImageOff className="size-9" />
            </div>
          }
          title={t("title")}
          description={t("description")}
          action={
            <Button asChild>
              <Link href="/gallery">{t("action")}</Link>
            </Button>
          }
        />
      </div>
    </PageContainer>
  );
}
