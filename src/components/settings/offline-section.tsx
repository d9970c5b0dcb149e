"use client";

import { HardDrive, Trash2 } from "lucide-react";
import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { useCallback, useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import { Skeleton } from "@/components/ui/skeleton";
import { toast } from "@/components/ui/toast";
import { useFormatBytes } from "@/lib/i18n/format-bytes";
import {
  estimateStorage,
  listOfflineCollections,
  removeCollectionOffline,
  type StorageUse,
} from "@/lib/offline/offline-collections";
import type { OfflineCollection } from "@/lib/offline/offline-db";
import { LoadError } from "./load-error";
import { SettingsSection } from "./settings-section";

const SECTION_ID = "offline";

type State =
  | { status: "loading" }
  | { status: "error" }
  | { status: "ready"; collections: OfflineCollection[]; storage: StorageUse | null };

/** Settings → On this device: the collections kept for offline use, their size, and removal. */
export function OfflineSection() {
  const t = useTranslations("settings.offline");
  const format = useFormatter();
  const formatBytes = useFormatBytes();
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
      setState({ status: "error" });
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
        title: t("removed"),
        description: t("removedDescription", { name: collection.name }),
      });
      await load();
    } catch {
      toast({
        title: t("removeFailed"),
        description: t("tryAgain"),
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
      title={t("title")}
      description={t("description")}
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
          <span className="sr-only">{t("reading")}</span>
        </div>
      ) : null}

      {state.status === "error" ? (
        <LoadError
          title={t("readFailedTitle")}
          message={t("readFailed")}
          onRetry={() => void load()}
        />
      ) : null}

      {state.status === "ready" ? (
        <div className="flex flex-col gap-4">
          {state.collections.length === 0 ? (
            <p className="text-ink-muted text-sm" data-testid="offline-empty">
              {t.rich("empty", {
                em: (chunks) => <span className="text-ink font-medium">{chunks}</span>,
                link: (chunks) => (
                  <Link href="/collections" className="text-primary font-medium underline">
                    {chunks}
                  </Link>
                ),
              })}
            </p>
          ) : (
            <ul className="divide-line flex flex-col divide-y" aria-label={t("listLabel")}>
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
                      {t("row", {
                        count: collection.imageIds.length,
                        size: formatBytes(collection.bytes),
                        date: format.dateTime(new Date(collection.savedAt), {
                          dateStyle: "medium",
                        }),
                      })}
                    </p>
                  </div>
                  <Button
                    variant="secondary"
                    size="sm"
                    className="self-start sm:self-center"
                    loading={removing === collection.id}
                    disabled={removing !== null}
                    onClick={() => void remove(collection)}
                    aria-label={t("removeLabel", { name: collection.name })}
                    data-testid="offline-collection-row-remove"
                  >
                    {removing === collection.id ? null : <Trash2 aria-hidden="true" />}
                    {t("remove")}
                  </Button>
                </li>
              ))}
            </ul>
          )}
          {state.storage ? (
            <p className="text-ink-muted text-xs" data-testid="offline-storage">
              {state.storage.quota > 0
                ? t("storageOfQuota", {
                    usage: formatBytes(state.storage.usage),
                    quota: formatBytes(state.storage.quota),
                  })
                : t("storage", { usage: formatBytes(state.storage.usage) })}
            </p>
          ) : null}
        </div>
      ) : null}
    </SettingsSection>
  );
}
