"use client";

import { CloudDownload, CloudOff, HardDrive, RotateCw, Trash2 } from "lucide-react";
import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { useCallback, useEffect, useRef, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { toast } from "@/components/ui/toast";
import { ApiClientError } from "@/lib/api/errors";
import { cn } from "@/lib/cn";
import { useFormatBytes } from "@/lib/i18n/format-bytes";
import { useErrorMessage } from "@/lib/i18n/use-error-message";
import {
  estimateStorage,
  readOfflineCollection,
  removeCollectionOffline,
  requestPersistentStorage,
  saveCollectionOffline,
  type SaveProgress,
  type StorageUse,
} from "@/lib/offline/offline-collections";
import { hasIndexedDb, type OfflineCollection } from "@/lib/offline/offline-db";
import { useOfflinePreference } from "@/lib/offline/offline-preference";
import type { Collection } from "@/shared/api-types";

type OfflineState =
  | { status: "checking" }
  | { status: "unsupported" }
  | { status: "absent" }
  | { status: "saving"; progress: SaveProgress | null }
  | { status: "saved"; record: OfflineCollection }
  | { status: "failed"; message: string };

interface OfflineCollectionCardProps {
  collection: Collection;
  className?: string;
}

/**
 * "Make available offline": keeps the collection's page, data and every image file on this
 * device, with progress, the space the site uses, and a way to remove the copy again.
 */
export function OfflineCollectionCard({ collection, className }: OfflineCollectionCardProps) {
  const t = useTranslations("collections.offline");
  const format = useFormatter();
  const formatBytes = useFormatBytes();
  const errorText = useErrorMessage();
  const enabled = useOfflinePreference((state) => state.enabled);
  const [state, setState] = useState<OfflineState>({ status: "checking" });
  const [storage, setStorage] = useState<StorageUse | null>(null);
  const [persisted, setPersisted] = useState<boolean | null>(null);
  const [removing, setRemoving] = useState(false);
  const controller = useRef<AbortController | null>(null);
  const { id } = collection;

  const refreshStorage = useCallback(() => {
    void estimateStorage().then(setStorage);
  }, []);

  useEffect(() => {
    if (!hasIndexedDb() || typeof caches === "undefined") {
      setState({ status: "unsupported" });
      return;
    }
    let live = true;
    readOfflineCollection(id).then(
      (record) => live && setState(record ? { status: "saved", record } : { status: "absent" }),
      () => live && setState({ status: "absent" }),
    );
    refreshStorage();
    return () => {
      live = false;
      controller.current?.abort();
    };
  }, [id, refreshStorage]);

  async function save() {
    controller.current?.abort();
    const abort = new AbortController();
    controller.current = abort;
    setState({ status: "saving", progress: null });
    void requestPersistentStorage().then(setPersisted);
    try {
      const record = await saveCollectionOffline({
        collection,
        pagePath: `/collections/${id}`,
        signal: abort.signal,
        onProgress: (progress) => {
          if (!abort.signal.aborted) setState({ status: "saving", progress });
        },
      });
      setState({ status: "saved", record });
      toast({
        variant: "success",
        title: t("savedToast"),
        description: t("savedToastDescription", { name: collection.name }),
      });
    } catch (error) {
      if (abort.signal.aborted) {
        // Cancelled: drop what was kept so far rather than leave half a copy.
        await removeCollectionOffline(id).catch(() => undefined);
        setState({ status: "absent" });
      } else {
        setState({
          status: "failed",
          message:
            error instanceof ApiClientError
              ? error.code === "NETWORK_ERROR"
                ? t("networkFailed")
                : errorText(error)
              : t("stopped"),
        });
      }
    } finally {
      refreshStorage();
    }
  }

  async function remove() {
    setRemoving(true);
    try {
      await removeCollectionOffline(id);
      setState({ status: "absent" });
      toast({
        title: t("removedToast"),
        description: t("removedToastDescription"),
      });
    } catch (error) {
      toast({
        variant: "error",
        title: t("removeFailed"),
        description: error instanceof ApiClientError ? errorText(error) : undefined,
      });
    } finally {
      setRemoving(false);
      refreshStorage();
    }
  }

  if (state.status === "unsupported") return null;
  const disabled = enabled === false;

  function summary(): string {
    switch (state.status) {
      case "checking":
        return t("checking");
      case "saving":
        return t("saving");
      case "saved": {
        const { imageIds, bytes, savedAt } = state.record;
        const values = {
          count: imageIds.length,
          date: format.dateTime(new Date(savedAt), {
            year: "numeric",
            month: "numeric",
            day: "numeric",
          }),
        };
        return bytes > 0
          ? t("savedWithSize", { ...values, size: formatBytes(bytes) })
          : t("saved", values);
      }
      case "failed":
        return t("partlySaved");
      default:
        return disabled ? t("unavailable") : t("absent");
    }
  }

  return (
    <Card className={cn("flex flex-col gap-4 p-5", className)} data-testid="offline-collection">
      <div className="flex items-start gap-3">
        <span className="bg-primary-soft text-primary flex size-10 shrink-0 items-center justify-center rounded-xl">
          {disabled ? (
            <CloudOff aria-hidden="true" className="size-5" />
          ) : (
            <CloudDownload aria-hidden="true" className="size-5" />
          )}
        </span>
        <div className="min-w-0">
          <h2 className="text-ink text-sm font-semibold">{t("title")}</h2>
          <p className="text-ink-muted text-sm" data-testid="offline-collection-summary">
            {summary()}
          </p>
        </div>
      </div>

      {state.status === "saving" ? <SaveProgressBar progress={state.progress} /> : null}

      {state.status === "failed" ? (
        <Alert variant="danger" role="alert" title={t("failed")}>
          {state.message}
        </Alert>
      ) : null}

      {disabled ? (
        <p className="text-ink-muted text-xs">
          {t.rich("turnedOff", {
            link: (chunks) => (
              <Link
                href="/settings"
                className="text-primary font-semibold underline-offset-2 hover:underline"
              >
                {chunks}
              </Link>
            ),
          })}
        </p>
      ) : null}

      <div className="flex flex-wrap gap-2">
        {state.status === "saving" ? (
          <Button variant="secondary" size="sm" onClick={() => controller.current?.abort()}>
            {t("cancel")}
          </Button>
        ) : state.status === "saved" ? (
          <>
            <Button
              variant="secondary"
              size="sm"
              onClick={() => void save()}
              disabled={disabled}
              data-testid="offline-collection-update"
            >
              <RotateCw aria-hidden="true" />
              {t("update")}
            </Button>
            <Button
              variant="ghost"
              size="sm"
              loading={removing}
              onClick={() => void remove()}
              data-testid="offline-collection-remove"
            >
              {removing ? null : <Trash2 aria-hidden="true" />}
              {t("remove")}
            </Button>
          </>
        ) : (
          <Button
            size="sm"
            onClick={() => void save()}
            disabled={disabled || state.status === "checking"}
            data-testid="offline-collection-save"
          >
            <CloudDownload aria-hidden="true" />
            {state.status === "failed" ? t("tryAgain") : t("save")}
          </Button>
        )}
      </div>

      {storage ? (
        <p
          className="text-ink-muted flex items-center gap-1.5 text-xs"
          data-testid="offline-storage"
        >
          <HardDrive aria-hidden="true" className="size-3.5 shrink-0" />
          {storage.quota > 0
            ? t("storageOfQuota", {
                usage: formatBytes(storage.usage),
                quota: formatBytes(storage.quota),
              })
            : t("storage", { usage: formatBytes(storage.usage) })}
          {persisted === false ? ` ${t("mayClear")}` : null}
        </p>
      ) : null}
    </Card>
  );
}

function SaveProgressBar({ progress }: { progress: SaveProgress | null }) {
  const t = useTranslations("collections.offline");
  const percent =
    progress && progress.total > 0 ? Math.round((progress.done / progress.total) * 100) : 0;
  const label = progress
    ? t("progress", { done: progress.done, total: progress.total })
    : t("preparing");
  return (
    <div className="flex flex-col gap-1.5">
      <div
        role="progressbar"
        aria-label={t("progressLabel")}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={progress ? percent : undefined}
        aria-valuetext={label}
        className="bg-surface-sunken h-2 overflow-hidden rounded-full"
        data-testid="offline-collection-progress"
      >
        <div
          className={cn(
            "bg-primary h-full rounded-full transition-[width] duration-300",
            !progress && "w-1/3 motion-safe:animate-pulse",
          )}
          style={progress ? { width: `${percent}%` } : undefined}
        />
      </div>
      <p className="text-ink-muted text-xs tabular-nums">{label}</p>
    </div>
  );
}
