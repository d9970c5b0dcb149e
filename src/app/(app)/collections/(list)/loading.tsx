import { CollectionsSkeleton } from "@/components/collections/collections-skeleton";

export default function Loading() {
  return <CollectionsSkeleton />;
}
