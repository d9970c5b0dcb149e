import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/shell/page-header";
import { ExploreShortcuts } from "./explore-shortcuts";

export async function ExploreHeader() {
  const t = await getTranslations("explore");
  return (
    <>
      <PageHeader eyebrow={t("eyebrow")} title={t("title")} description={t("description")} />
      <ExploreShortcuts />
    </>
  );
}
