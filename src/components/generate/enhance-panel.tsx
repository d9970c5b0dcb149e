"use client";

import { Check, KeyRound, PencilLine, RotateCw, Sparkles, X } from "lucide-react";
import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { Spinner } from "@/components/ui/spinner";
import { toApiClientError, type ApiClientError } from "@/lib/api/errors";
import { cn } from "@/lib/cn";
import { useErrorMessage } from "@/lib/i18n/use-error-message";
import { streamEnhancement } from "@/lib/prompts/stream-enhancement";
import { SETTINGS_KEY_HREF } from "./error-guidance";

interface EnhancePanelProps {
  prompt: string;
  styleTemplateId: string | null;
  onAccept: (suggestion: string) => void;
  onEdit: (suggestion: string) => void;
  onDiscard: () => void;
  onRetry: () => void;
}

type State =
  | { kind: "streaming"; text: string }
  | { kind: "done"; text: string }
  | { kind: "failed"; error: ApiClientError };

/** One enhancement: mount with a key per request; unmounting stops the stream. */
export function EnhancePanel({
  prompt,
  styleTemplateId,
  onAccept,
  onEdit,
  onDiscard,
  onRetry,
}: EnhancePanelProps) {
  const t = useTranslations("generate.enhance");
  const [state, setState] = useState<State>({ kind: "streaming", text: "" });
  const panelRef = useRef<HTMLElement>(null);
  const acceptRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    const controller = new AbortController();
    streamEnhancement({
      prompt,
      styleTemplateId,
      signal: controller.signal,
      onDelta: (text) =>
        setState((current) =>
          current.kind === "streaming" ? { kind: "streaming", text: current.text + text } : current,
        ),
    })
      .then((text) => setState({ kind: "done", text }))
      .catch((error: unknown) => {
        if (controller.signal.aborted) return;
        setState({ kind: "failed", error: toApiClientError(error) });
      });
    return () => controller.abort();
  }, [prompt, styleTemplateId]);

  // Keyboard users land in the panel (Esc works at once) and on Accept when it is ready.
  useEffect(() => {
    panelRef.current?.focus({ preventScroll: true });
  }, []);
  useEffect(() => {
    if (state.kind === "done" && panelRef.current?.contains(document.activeElement))
      acceptRef.current?.focus();
  }, [state.kind]);

  // Esc closes the panel wherever focus is on the page (the prompt field included).
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (event.key !== "Escape" || event.defaultPrevented) return;
      event.preventDefault();
      onDiscard();
    }
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, [onDiscard]);

  const busy = state.kind === "streaming";
  return (
    <section
      ref={panelRef}
      tabIndex={-1}
      aria-labelledby="enhance-title"
      aria-busy={busy}
      className={cn(
        "rounded-card flex flex-col gap-3 border p-4 outline-none focus-visible:ring-2",
        state.kind === "failed"
          ? "border-warning/30 bg-warning-soft"
          : "border-primary/30 bg-primary/5 focus-visible:ring-primary/40",
      )}
      data-testid="enhance-panel"
    >
      <div className="flex items-center justify-between gap-3">
        <h3 id="enhance-title" className="flex items-center gap-2 text-sm font-semibold">
          {busy ? <Spinner /> : <Sparkles aria-hidden="true" className="text-primary size-4" />}
          {state.kind === "failed"
            ? t("failedTitle")
            : busy
              ? t("writingTitle")
              : t("suggestedTitle")}
        </h3>
        <Button
          type="button"
          variant="ghost"
          size="icon"
          className="-my-2 -mr-2"
          aria-label={t("close")}
          onClick={onDiscard}
        >
          <X aria-hidden="true" />
        </Button>
      </div>

      {state.kind === "failed" ? (
        <Failure error={state.error} />
      ) : (
        <p
          className="text-ink min-h-12 text-sm leading-relaxed break-words whitespace-pre-wrap"
          aria-live="polite"
          data-testid="enhance-suggestion"
        >
          {state.text || <span className="text-ink-subtle">{t("thinking")}</span>}
        </p>
      )}

      <div className="flex flex-wrap gap-2">
        {state.kind === "failed" ? (
          <>
            <Button type="button" size="sm" onClick={onRetry} data-testid="enhance-retry">
              <RotateCw aria-hidden="true" />
              {t("retry")}
            </Button>
            <Button type="button" variant="ghost" size="sm" onClick={onDiscard}>
              {t("closeButton")}
            </Button>
          </>
        ) : (
          <>
            <Button
              ref={acceptRef}
              type="button"
              size="sm"
              disabled={busy}
              onClick={() => state.kind === "done" && onAccept(state.text)}
              data-testid="enhance-accept"
            >
              <Check aria-hidden="true" />
              {t("accept")}
            </Button>
            <Button
              type="button"
              variant="secondary"
              size="sm"
              disabled={busy}
              onClick={() => state.kind === "done" && onEdit(state.text)}
              data-testid="enhance-edit"
            >
              <PencilLine aria-hidden="true" />
              {t("edit")}
            </Button>
            <Button
              type="button"
              variant="ghost"
              size="sm"
              onClick={onDiscard}
              data-testid="enhance-discard"
            >
              {t("discard")}
            </Button>
          </>
        )}
      </div>
    </section>
  );
}

const KEY_CODES = new Set(["PROVIDER_KEY_MISSING", "PROVIDER_KEY_INVALID"]);

function Failure({ error }: { error: ApiClientError }) {
  const t = useTranslations("generate.enhance");
  const format = useFormatter();
  const errorText = useErrorMessage();
  // Enhancing has its own, tighter limit than the API's generic one: say which one was hit.
  let message = errorText(error);
  if (error.code === "RATE_LIMITED") {
    const now = Date.now();
    message = error.retryAfterSeconds
      ? t("rateLimitedAfter", {
          // In seconds: the enhance limit's window is a minute, so "in 1 minute" would round.
          wait: format.relativeTime(now + error.retryAfterSeconds * 1000, { now, unit: "second" }),
        })
      : t("rateLimited");
  }
  return (
    <div className="flex flex-col gap-2 text-sm" role="alert" data-testid="enhance-error">
      <p className="text-ink">{message}</p>
      <p className="text-ink-muted">{t("unchanged")}</p>
      {KEY_CODES.has(error.code) ? (
        <Link
          href={SETTINGS_KEY_HREF}
          className="text-primary inline-flex items-center gap-1.5 font-semibold underline-offset-4 hover:underline"
        >
          <KeyRound aria-hidden="true" className="size-4" />
          {t("keyLink")}
        </Link>
      ) : null}
    </div>
  );
}
