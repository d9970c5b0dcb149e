import { CollectionSkeleton } from "@/components/collections/collection-skeleton";

export default function Loading() {
  return <CollectionSkeleton />;
}
