import { HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { CollectionsView } from "@/components/collections/collections-view";
import { PageContainer } from "@/components/shell/page-header";
import { getCurrentUser } from "@/server/auth/current-user";
import { queryKeys } from "@/lib/api/query-keys";
import { getServices } from "@/server/services";
import { queryState } from "@/server/pages/query-state";

export const metadata: Metadata = {
  title: "Collections",
  description: "Your collections of images, private or shared with a link.",
};

export default async function CollectionsPage() {
  const user = await getCurrentUser();
  if (!user) redirect("/login?next=%2Fcollections");
  const services = await getServices();
  const collections = await services.gallery.listCollections({ userId: user.id });
  return (
    <PageContainer>
      <HydrationBoundary state={queryState([[queryKeys.collections, collections]])}>
        <CollectionsView />
      </HydrationBoundary>
    </PageContainer>
  );
}
