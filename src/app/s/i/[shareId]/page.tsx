import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { sharedImageMetadata } from "@/components/share/share-metadata";
import { loadSharedImage } from "@/components/share/shared-data";
import { SharedImageView } from "@/components/share/shared-image-view";
import { resolveSiteOrigin } from "@/components/share/site-origin";
import { getCurrentUser } from "@/server/auth/current-user";

interface SharedImagePageProps {
  params: Promise<{ shareId: string }>;
}

export async function generateMetadata({ params }: SharedImagePageProps): Promise<Metadata> {
  const { shareId } = await params;
  const shared = await loadSharedImage(shareId);
  if (!shared) notFound();
  return sharedImageMetadata({ image: shared.image, shareId, origin: await resolveSiteOrigin() });
}

export default async function SharedImagePage({ params }: SharedImagePageProps) {
  const { shareId } = await params;
  const shared = await loadSharedImage(shareId);
  if (!shared) notFound();
  const user = await getCurrentUser().catch(() => null);
  return (
    <SharedImageView
      image={shared.image}
      signedIn={user !== null}
      isOwner={user?.id === shared.ownerId}
    />
  );
}
