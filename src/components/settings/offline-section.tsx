"use client";

import { HardDrive, Trash2 } from "lucide-react";
import Link from "next/link";
import { useCallback, useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import { Skeleton } from "@/components/ui/skeleton";
import { toast } from "@/components/ui/toast";
import {
  estimateStorage,
  formatBytes,
  listOfflineCollections,
  removeCollectionOffline,
  type StorageUse,
} from "@/lib/offline/offline-collections";
import type { OfflineCollection } from "@/lib/offline/offline-db";
import { formatShortDate } from "./format";
import { LoadError } from "./load-error";
import { SettingsSection } from "./settings-section";

const SECTION_ID = "offline";

type State =
  | { status: "loading" }
  | { status: "error"; message: string }
  | { status: "ready"; collections: OfflineCollection[]; storage: StorageUse | null };

/** Settings → On this device: the collections kept for offline use, their size, and removal. */
export function OfflineSection() {
  const [state, setState] = useState<State>({ status: "loading" });
  const [removing, setRemoving] = useState<string | null>(null);

  const load = useCallback(async () => {
    setState({ status: "loading" });
    try {
      const [collections, storage] = await Promise.all([
        listOfflineCollections(),
        estimateStorage(),
      ]);
      setState({ status: "ready", collections, storage });
    } catch {
      setState({
        status: "error",
        message: "This browser did not let the studio read its offline storage.",
      });
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  async function remove(collection: OfflineCollection) {
    setRemoving(collection.id);
    try {
      await removeCollectionOffline(collection.id);
      toast({
        title: "Offline copy removed",
        description: `“${collection.name}” is no longer kept on this device.`,
      });
      await load();
    } catch {
      toast({
        title: "Couldn't remove the offline copy",
        description: "Please try again.",
        variant: "error",
      });
    } finally {
      setRemoving(null);
    }
  }

  return (
    <SettingsSection
      id={SECTION_ID}
      icon={HardDrive}
      title="On this device"
      description="Collections you made available offline open without a connection. They stay until you remove them here or on the collection."
      testId="offline-section"
    >
      {state.status === "loading" ? (
        <div
          role="status"
          aria-busy="true"
          className="flex flex-col gap-3"
          data-testid="offline-loading"
        >
          <Skeleton className="h-4 w-56" />
          <Skeleton className="h-4 w-40" />
          <span className="sr-only">Reading what is kept on this device</span>
        </div>
      ) : null}

      {state.status === "error" ? (
        <LoadError
          title="Couldn't read offline storage"
          message={state.message}
          onRetry={() => void load()}
        />
      ) : null}

      {state.status === "ready" ? (
        <div className="flex flex-col gap-4">
          {state.collections.length === 0 ? (
            <p className="text-ink-muted text-sm" data-testid="offline-empty">
              Nothing is kept offline yet. Open a collection and choose{" "}
              <span className="text-ink font-medium">Make available offline</span>.{" "}
              <Link href="/collections" className="text-primary font-medium underline">
                Your collections
              </Link>
            </p>
          ) : (
            <ul className="divide-line flex flex-col divide-y" aria-label="Kept offline">
              {state.collections.map((collection) => (
                <li
                  key={collection.id}
                  className="flex flex-col gap-3 py-3 first:pt-0 last:pb-0 sm:flex-row sm:items-center sm:gap-6"
                  data-testid="offline-collection-row"
                >
                  <div className="flex min-w-0 flex-1 flex-col gap-0.5">
                    <Link
                      href={`/collections/${collection.id}`}
                      className="text-ink min-w-0 text-sm font-semibold [overflow-wrap:anywhere] hover:underline"
                    >
                      {collection.name}
                    </Link>
                    <p className="text-ink-muted text-xs">
                      {collection.imageIds.length}{" "}
                      {collection.imageIds.length === 1 ? "image" : "images"} ·{" "}
                      {formatBytes(collection.bytes)} · saved{" "}
                      {formatShortDate(new Date(collection.savedAt).toISOString())}
                    </p>
                  </div>
                  <Button
                    variant="secondary"
                    size="sm"
                    className="self-start sm:self-center"
                    loading={removing === collection.id}
                    disabled={removing !== null}
                    onClick={() => void remove(collection)}
                    aria-label={`Remove the offline copy of ${collection.name}`}
                    data-testid="offline-collection-row-remove"
                  >
                    {removing === collection.id ? null : <Trash2 aria-hidden="true" />}
                    Remove
                  </Button>
                </li>
              ))}
            </ul>
          )}
          {state.storage ? (
            <p className="text-ink-muted text-xs" data-testid="offline-storage">
              The studio uses {formatBytes(state.storage.usage)} on this device
              {state.storage.quota > 0
                ? ` of the ${formatBytes(state.storage.quota)} the browser allows`
                : ""}
              .
            </p>
          ) : null}
        </div>
      ) : null}
    </SettingsSection>
  );
}
