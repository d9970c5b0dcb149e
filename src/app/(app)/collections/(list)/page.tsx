import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { CollectionsView } from "@/components/collections/collections-view";
import { PageContainer } from "@/components/shell/page-header";
import { getCurrentUser } from "@/server/auth/current-user";
import { getServices } from "@/server/services";

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
      <CollectionsView initialCollections={collections} />
    </PageContainer>
  );
}
