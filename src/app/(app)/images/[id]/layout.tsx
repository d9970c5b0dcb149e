import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { loadVisibleImage } from "@/server/images/image-page-data";

/**
 * Decides 404 above this segment's loading.tsx: once the skeleton has streamed the status is
 * already 200, so an image the viewer may not see must be refused before it.
 */
export default async function ImageAccess({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ id: string }>;
}) {
  if (!(await loadVisibleImage((await params).id))) notFound();
  return children;
}
