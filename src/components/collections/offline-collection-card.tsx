"use client";

import { CloudDownload, CloudOff, HardDrive, RotateCw, Trash2 } from "lucide-react";
import Link from "next/link";
import { useCallback, useEffect, useRef, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { toast } from "@/components/ui/toast";
import { ApiClientError } from "@/lib/api/errors";
import { cn } from "@/lib/cn";
import {
  estimateStorage,
  formatBytes,
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
        title: "Available offline",
        description: `${collection.name} opens on this device without a connection.`,
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
            error instanceof ApiClientError && error.code === "NETWORK_ERROR"
              ? "The download stopped: check your connection and try again."
              : error instanceof Error
                ? error.message
                : "The download stopped.",
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
        title: "Offline copy removed",
        description: "The collection stays in your account.",
      });
    } catch (error) {
      toast({
        variant: "error",
        title: "Couldn't remove the offline copy",
        description: error instanceof Error ? error.message : undefined,
      });
    } finally {
      setRemoving(false);
      refreshStorage();
    }
  }

  if (state.status === "unsupported") return null;
  const disabled = enabled === false;

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
          <h2 className="text-ink text-sm font-semibold">Offline copy</h2>
          <p className="text-ink-muted text-sm" data-testid="offline-collection-summary">
            {summaryOf(state, disabled)}
          </p>
        </div>
      </div>

      {state.status === "saving" ? <SaveProgressBar progress={state.progress} /> : null}

      {state.status === "failed" ? (
        <Alert variant="danger" role="alert" title="Couldn't make it available offline">
          {state.message}
        </Alert>
      ) : null}

      {disabled ? (
        <p className="text-ink-muted text-xs">
          Offline copies are turned off in{" "}
          <Link
            href="/settings"
            className="text-primary font-semibold underline-offset-2 hover:underline"
          >
            Settings
          </Link>
          , so nothing new is saved on this device.
        </p>
      ) : null}

      <div className="flex flex-wrap gap-2">
        {state.status === "saving" ? (
          <Button variant="secondary" size="sm" onClick={() => controller.current?.abort()}>
            Cancel
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
              Update copy
            </Button>
            <Button
              variant="ghost"
              size="sm"
              loading={removing}
              onClick={() => void remove()}
              data-testid="offline-collection-remove"
            >
              {removing ? null : <Trash2 aria-hidden="true" />}
              Remove offline copy
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
            {state.status === "failed" ? "Try again" : "Make available offline"}
          </Button>
        )}
      </div>

      {storage ? (
        <p
          className="text-ink-muted flex items-center gap-1.5 text-xs"
          data-testid="offline-storage"
        >
          <HardDrive aria-hidden="true" className="size-3.5 shrink-0" />
          This site uses {formatBytes(storage.usage)}
          {storage.quota > 0 ? ` of ${formatBytes(storage.quota)} available` : ""} on this device.
          {persisted === false ? " The browser may clear it when space runs low." : ""}
        </p>
      ) : null}
    </Card>
  );
}

function summaryOf(state: OfflineState, disabled: boolean): string {
  switch (state.status) {
    case "checking":
      return "Checking this device…";
    case "saving":
      return "Saving images to this device…";
    case "saved": {
      const count = state.record.imageIds.length;
      const size = state.record.bytes > 0 ? `, ${formatBytes(state.record.bytes)}` : "";
      return `Available offline: ${count} ${count === 1 ? "image" : "images"}${size}, saved ${new Date(state.record.savedAt).toLocaleDateString()}.`;
    }
    case "failed":
      return "Part of the collection was saved.";
    default:
      return disabled
        ? "Not available offline."
        : "Keep this collection on this device to open it without a connection.";
  }
}

function SaveProgressBar({ progress }: { progress: SaveProgress | null }) {
  const percent =
    progress && progress.total > 0 ? Math.round((progress.done / progress.total) * 100) : 0;
  const label = progress
    ? `${progress.done} of ${progress.total} files`
    : "Preparing the download…";
  return (
    <div className="flex flex-col gap-1.5">
      <div
        role="progressbar"
        aria-label="Saving the collection for offline use"
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
