"use client";

import { CircleAlert, Clock, RotateCw, Send, Trash2, X } from "lucide-react";
import { useTranslations } from "next-intl";
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
  const t = useTranslations("results.queued");
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
              {t("title")}
              <span className="text-ink-muted font-normal">
                {t("count", { count: entries.length })}
              </span>
            </h2>
            <p className="text-ink-muted mt-0.5 text-xs">
              {online ? (waiting > 0 ? t("sending") : t("attention")) : t("offline")}
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
              {t("sendNow")}
            </Button>
          ) : null}
        </div>
        <ul className="flex flex-col gap-2" aria-label={t("listLabel")}>
          {entries.map((entry) => (
            <QueuedPromptRow key={entry.id} entry={entry} />
          ))}
        </ul>
      </section>
    </Card>
  );
}

function QueuedPromptRow({ entry }: { entry: OutboxEntry }) {
  const t = useTranslations("results.queued");
  const prompt = entry.input.prompt;
  const sending = entry.status === "sending" && entry.leaseUntil > Date.now();
  const failed = entry.status === "failed";
  const cancel = () =>
    void cancelQueuedPrompt(entry.id).then((cancelled) => {
      if (!cancelled) {
        toast({
          title: t("alreadySending"),
          description: t("alreadySendingBody"),
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
          {failed ? t("statusFailed") : sending ? t("statusSending") : t("statusQueued")}
        </Badge>
        {failed ? null : (
          <Button
            variant="ghost"
            size="sm"
            disabled={sending}
            onClick={cancel}
            aria-label={t("cancelLabel", { prompt })}
          >
            <X aria-hidden="true" />
            {t("cancel")}
          </Button>
        )}
      </div>
      {failed ? (
        <div className="flex flex-wrap items-center justify-between gap-2">
          <p className="text-danger flex min-w-0 flex-1 items-start gap-1.5 text-xs">
            <CircleAlert aria-hidden="true" className="mt-px size-3.5 shrink-0" />
            {entry.lastError ?? t("refused")}
          </p>
          <div className="flex gap-2">
            <Button
              variant="ghost"
              size="sm"
              onClick={() => void cancelQueuedPrompt(entry.id)}
              aria-label={t("deleteLabel", { prompt })}
            >
              <Trash2 aria-hidden="true" />
              {t("delete")}
            </Button>
            <Button
              variant="secondary"
              size="sm"
              onClick={() => void retryQueuedPrompt(entry.id)}
              aria-label={t("retryLabel", { prompt })}
            >
              <RotateCw aria-hidden="true" />
              {t("retry")}
            </Button>
          </div>
        </div>
      ) : entry.lastError && entry.attempts > 0 ? (
        <p className="text-ink-muted text-xs">{t("lastTry", { error: entry.lastError })}</p>
      ) : null}
    </li>
  );
}
