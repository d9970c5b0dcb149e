import { notFound, redirect } from "next/navigation";
import type { ReactNode } from "react";
import { loadCollectionPageAccess } from "@/server/gallery/collection-page-data";

/**
 * Decides 404 (and the redirects) above this segment's loading.tsx: once the skeleton has
 * streamed the status is already 200, so a collection the viewer may not see must be refused
 * before it. (The list's own skeleton sits in the (list) group so that it does not wrap this.)
 */
export default async function CollectionAccess({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ id: string }>;
}) {
  const { id } = await params;
  const access = await loadCollectionPageAccess(id);
  switch (access.kind) {
    case "signed-out":
      redirect(`/login?next=${encodeURIComponent(`/collections/${id}`)}`);
    case "not-found":
      notFound();
    case "someone-else's":
      redirect(access.shareUrl ?? "/collections");
    case "own":
      return children;
  }
}
