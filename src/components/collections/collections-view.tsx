"use client";

import { FolderPlus, Images } from "lucide-react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { ArtTile } from "@/components/brand/art-tile";
import { PageHeader } from "@/components/shell/page-header";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { toast } from "@/components/ui/toast";
import { useApiQuery } from "@/lib/api/hooks";
import { queryKeys } from "@/lib/api/query-keys";
import type { Collection } from "@/shared/api-types";
import { CollectionCard } from "./collection-card";
import { CreateCollectionDialog } from "./create-collection-dialog";
import { COLLECTIONS_PATH } from "./use-collection-mutations";

function StackedArt() {
  return (
    <div className="relative mx-auto h-36 w-56">
      <ArtTile scene="ocean" className="absolute top-4 left-2 h-28 w-24 -rotate-8" />
      <ArtTile scene="bloom" className="absolute top-4 right-2 h-28 w-24 rotate-8" />
      <ArtTile scene="dusk" className="absolute top-0 left-1/2 h-32 w-28 -translate-x-1/2" />
    </div>
  );
}

/** The signed-in person's collections, newest activity first, and the "New collection" dialog. */
export function CollectionsView() {
  // The server's render put the list in the cache (the gallery's filter reads the same entry);
  // a new collection is added to it by the create mutation.
  const t = useTranslations("collections.list");
  const { data: collections = [] } = useApiQuery<Collection[]>(
    queryKeys.collections,
    COLLECTIONS_PATH,
  );
  const [creating, setCreating] = useState(false);

  function created(collection: Collection) {
    setCreating(false);
    toast({
      variant: "success",
      title: t("created"),
      description: t("createdDescription", { name: collection.name }),
    });
  }

  const newButton = (
    <Button onClick={() => setCreating(true)} data-testid="new-collection">
      <FolderPlus aria-hidden="true" />
      {t("newCollection")}
    </Button>
  );

  return (
    <div className="flex flex-col gap-8" data-testid="page-collections">
      <PageHeader
        eyebrow={t("eyebrow")}
        title={t("title")}
        description={t("description")}
        actions={collections.length > 0 ? newButton : undefined}
      />
      {collections.length === 0 ? (
        <EmptyState
          illustration={<StackedArt />}
          title={t("emptyTitle")}
          description={t("emptyDescription")}
          action={
            <>
              {newButton}
              <Button asChild variant="secondary">
                <Link href="/gallery">
                  <Images aria-hidden="true" />
                  {t("openGallery")}
                </Link>
              </Button>
            </>
          }
        />
      ) : (
        <ul
          className="grid grid-cols-2 gap-3 sm:gap-4 md:grid-cols-3 xl:grid-cols-4"
          data-testid="collections-grid"
        >
          {collections.map((collection, index) => (
            <CollectionCard key={collection.id} collection={collection} eager={index < 4} />
          ))}
        </ul>
      )}
      <CreateCollectionDialog open={creating} onOpenChange={setCreating} onCreated={created} />
    </div>
  );
}
