"use client";

import { CircleAlert, Clock, RotateCw, Send, Trash2, X } from "lucide-react";
import { useState } from "react";
import { useOnlineStatus } from "@/components/shell/use-online-status";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { toast } from "@/components/ui/toast";
import type { OutboxEntry } from "@/lib/offline/offline-db";
import {
  cancelQueuedPrompt,
  flushOutboxFromPage,
  retryQueuedPrompt,
} from "@/lib/offline/outbox-page";
import { useQueuedPrompts } from "./use-queued-prompts";

/**
 * Prompts waiting in the outbox: queued while offline, being sent, or failed with the
 * studio's reason. They survive reloads; each can be cancelled, or retried once it failed.
 */
export function QueuedPrompts() {
  const queued = useQueuedPrompts();
  const online = useOnlineStatus();
  const [sending, setSending] = useState(false);
  if (queued.status !== "ready" || queued.entries.length === 0) return null;
  const { entries } = queued;
  const waiting = entries.filter((entry) => entry.status !== "failed").length;

  return (
    <Card className="flex flex-col gap-3 p-4 sm:p-5" data-testid="queued-prompts">
      <section aria-labelledby="queued-prompts-title" className="flex flex-col gap-3">
        <div className="flex flex-wrap items-start justify-between gap-2">
          <div className="min-w-0">
            <h2
              id="queued-prompts-title"
              className="text-ink flex items-center gap-2 text-sm font-semibold"
            >
              <Clock aria-hidden="true" className="text-ink-muted size-4" />
              Queued prompts
              <span className="text-ink-muted font-normal">({entries.length})</span>
            </h2>
            <p className="text-ink-muted mt-0.5 text-xs">
              {online
                ? waiting > 0
                  ? "Sending them now. Each becomes exactly one image."
                  : "These need your attention."
                : "They'll be sent when you're back online, even after a reload."}
            </p>
          </div>
          {online && waiting > 0 ? (
            <Button
              variant="secondary"
              size="sm"
              loading={sending}
              onClick={() => {
                setSending(true);
                void flushOutboxFromPage().finally(() => setSending(false));
              }}
            >
              {sending ? null : <Send aria-hidden="true" />}
              Send now
            </Button>
          ) : null}
        </div>
        <ul className="flex flex-col gap-2" aria-label="Queued prompts">
          {entries.map((entry) => (
            <QueuedPromptRow key={entry.id} entry={entry} />
          ))}
        </ul>
      </section>
    </Card>
  );
}

function QueuedPromptRow({ entry }: { entry: OutboxEntry }) {
  const sending = entry.status === "sending" && entry.leaseUntil > Date.now();
  const failed = entry.status === "failed";
  const cancel = () =>
    void cancelQueuedPrompt(entry.id).then((cancelled) => {
      if (!cancelled) {
        toast({
          title: "Already being sent",
          description: "This prompt reached the studio before it could be cancelled.",
        });
      }
    });
  return (
    <li
      className="border-line bg-surface-raised/60 flex flex-col gap-2 rounded-xl border py-2 pr-2 pl-3"
      data-testid="queued-prompt"
      data-status={sending ? "sending" : entry.status}
    >
      <div className="flex items-center gap-2">
        <p className="text-ink line-clamp-2 min-w-0 flex-1 text-sm break-words">
          {entry.input.prompt}
        </p>
        <Badge variant={failed ? "danger" : sending ? "primary" : "neutral"}>
          {failed ? "Failed" : sending ? "Sending…" : "Queued"}
        </Badge>
        {failed ? null : (
          <Button
            variant="ghost"
            size="sm"
            disabled={sending}
            onClick={cancel}
            aria-label={`Cancel queued prompt: ${entry.input.prompt}`}
          >
            <X aria-hidden="true" />
            Cancel
          </Button>
        )}
      </div>
      {failed ? (
        <div className="flex flex-wrap items-center justify-between gap-2">
          <p className="text-danger flex min-w-0 flex-1 items-start gap-1.5 text-xs">
            <CircleAlert aria-hidden="true" className="mt-px size-3.5 shrink-0" />
            {entry.lastError ?? "The studio refused this prompt."}
          </p>
          <div className="flex gap-2">
            <Button
              variant="ghost"
              size="sm"
              onClick={() => void cancelQueuedPrompt(entry.id)}
              aria-label={`Delete queued prompt: ${entry.input.prompt}`}
            >
              <Trash2 aria-hidden="true" />
              Delete
            </Button>
            <Button
              variant="secondary"
              size="sm"
              onClick={() => void retryQueuedPrompt(entry.id)}
              aria-label={`Retry queued prompt: ${entry.input.prompt}`}
            >
              <RotateCw aria-hidden="true" />
              Retry
            </Button>
          </div>
        </div>
      ) : entry.lastError && entry.attempts > 0 ? (
        <p className="text-ink-muted text-xs">Last try: {entry.lastError} Trying again soon.</p>
      ) : null}
    </li>
  );
}
