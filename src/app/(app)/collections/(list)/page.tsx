import { HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { CollectionsView } from "@/components/collections/collections-view";
import { IntlMessages } from "@/components/i18n/intl-messages";
import { PageContainer } from "@/components/shell/page-header";
import { getCurrentUser } from "@/server/auth/current-user";
import { queryKeys } from "@/lib/api/query-keys";
import { getServices } from "@/server/services";
import { queryState } from "@/server/pages/query-state";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("collections.list");
  return { title: t("metaTitle"), description: t("metaDescription") };
}

export default async function CollectionsPage() {
  const user = await getCurrentUser();
  if (!user) redirect("/login?next=%2Fcollections");
  const services = await getServices();
  const collections = await services.gallery.listCollections({ userId: user.id });
  return (
    <PageContainer>
      <HydrationBoundary state={queryState([[queryKeys.collections, collections]])}>
        <IntlMessages namespaces={["collections"]}>
          <CollectionsView />
        </IntlMessages>
      </HydrationBoundary>
    </PageContainer>
  );
}
