import { create } from "zustand";
import { toast } from "@/components/ui/toast";
import { runBulkAction } from "./bulk-actions";
import { forgetImages } from "@/lib/offline/image-mirror";

/** How long a deletion can be undone before it is sent. */
export const UNDO_WINDOW_MS = 6000;

export interface PendingDelete {
  batchId: number;
  imageIds: string[];
  /** epoch ms at which the delete is sent */
  sendsAt: number;
}

interface PendingDeletesState {
  pending: PendingDelete | null;
  /** Images the user has deleted (pending or sent): every view leaves them out. */
  hiddenIds: ReadonlySet<string>;
}

/*
 * One store for the whole tab, outside any component: a delete started on /images/[id] must
 * survive the navigation back to /gallery, and must still be sent if the page goes away.
 */
export const usePendingDeletes = create<PendingDeletesState>()(() => ({
  pending: null,
  hiddenIds: new Set<string>(),
}));

/** How a failed delete is told (the toast's title and description). */
export interface DeleteFailureText {
  title: (count: number) => string;
  description: (error: unknown) => string;
}

/*
 * This store lives outside React, so it has no catalogue: the undo toast, mounted while a
 * delete waits, hands over the words in the person's language (setDeleteFailureText). English
 * until then.
 */
let failureText: DeleteFailureText = {
  title: (count) => (count === 1 ? "The image wasn't deleted" : "The images weren't deleted"),
  description: () => "Please try again.",
};

export function setDeleteFailureText(text: DeleteFailureText): void {
  failureText = text;
}

let timer: number | null = null;
let batchCounter = 0;
let listening = false;

function clearTimer() {
  if (timer !== null) window.clearTimeout(timer);
  timer = null;
}

function reveal(imageIds: string[]) {
  usePendingDeletes.setState((state) => {
    const hiddenIds = new Set(state.hiddenIds);
    for (const id of imageIds) hiddenIds.delete(id);
    return { hiddenIds };
  });
}

async function send(batch: PendingDelete, keepalive: boolean) {
  try {
    await runBulkAction({ action: "delete" }, batch.imageIds, { keepalive });
    void forgetImages(batch.imageIds).catch(() => undefined);
  } catch (error) {
    reveal(batch.imageIds);
    toast({
      variant: "error",
      title: failureText.title(batch.imageIds.length),
      description: failureText.description(error),
    });
  }
}

/** Sends the pending delete now (keepalive when the page is going away). */
export function flushPendingDelete({ keepalive = false }: { keepalive?: boolean } = {}): void {
  const batch = usePendingDeletes.getState().pending;
  if (!batch) return;
  clearTimer();
  usePendingDeletes.setState({ pending: null });
  void send(batch, keepalive);
}

function listenForPageExit() {
  if (listening) return;
  listening = true;
  const flushOnExit = () => flushPendingDelete({ keepalive: true });
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "hidden") flushOnExit();
  });
  window.addEventListener("pagehide", flushOnExit);
}

/**
 * Hides the images at once and sends the delete after the undo window. A second delete
 * sends the first one straight away (only the newest can be undone).
 */
export function scheduleDelete(imageIds: string[]): void {
  if (imageIds.length === 0) return;
  listenForPageExit();
  flushPendingDelete();
  batchCounter += 1;
  const batch: PendingDelete = {
    batchId: batchCounter,
    imageIds: [...imageIds],
    sendsAt: Date.now() + UNDO_WINDOW_MS,
  };
  usePendingDeletes.setState((state) => {
    const hiddenIds = new Set(state.hiddenIds);
    for (const id of imageIds) hiddenIds.add(id);
    return { pending: batch, hiddenIds };
  });
  timer = window.setTimeout(() => flushPendingDelete(), UNDO_WINDOW_MS);
}

/** Cancels the pending delete; its images come back. */
export function undoPendingDelete(): string[] {
  const batch = usePendingDeletes.getState().pending;
  if (!batch) return [];
  clearTimer();
  usePendingDeletes.setState({ pending: null });
  reveal(batch.imageIds);
  return batch.imageIds;
}
