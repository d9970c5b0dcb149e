"use client";

import {
  Ban,
  CircleAlert,
  Clock,
  CreditCard,
  ExternalLink,
  ImageOff,
  KeyRound,
  ListChecks,
  RotateCw,
  WifiOff,
  X,
  type LucideIcon,
} from "lucide-react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { cn } from "@/lib/cn";
import {
  guidanceFor,
  sayGuidance,
  type ErrorGuidance,
  type FailureInput,
  type GuidanceAction,
  type GuidanceContext,
  type GuidanceIcon,
} from "./error-guidance";
import { useGuidanceLanguage } from "./use-guidance-language";
import { useNow } from "./use-now";

const ICONS: Record<GuidanceIcon, LucideIcon> = {
  key: KeyRound,
  clock: Clock,
  offline: WifiOff,
  blocked: Ban,
  billing: CreditCard,
  image: ImageOff,
  form: ListChecks,
  alert: CircleAlert,
};

export interface ErrorActionHandlers {
  onRetry: (reuseKey: boolean) => void;
  onEditPrompt: () => void;
  onChooseImage: () => void;
  onRemoveImage: () => void;
  onDismiss: () => void;
}

interface GenerationErrorProps extends ErrorActionHandlers {
  guidance: ErrorGuidance;
}

/**
 * A failed run's panel, from the failure itself: the guidance is worked out here so that
 * error-guidance.ts loads with this panel, not with the page.
 */
export function GenerationFailure({
  failure,
  context,
  ...handlers
}: ErrorActionHandlers & { failure: FailureInput; context: GuidanceContext }) {
  return <GenerationErrorPanel guidance={guidanceFor(failure, context)} {...handlers} />;
}

/** The failure as a sentence and a way forward (see error-guidance.ts). Mount with a key per error. */
export function GenerationErrorPanel({ guidance: keys, ...handlers }: GenerationErrorProps) {
  const t = useTranslations("results.guidance");
  const guidance = sayGuidance(keys, useGuidanceLanguage());
  const [waitUntil] = useState(() =>
    guidance.waitSeconds === null ? null : Date.now() + guidance.waitSeconds * 1000,
  );
  const now = useNow(waitUntil !== null, 1000);
  const secondsLeft = waitUntil === null ? 0 : Math.max(0, Math.ceil((waitUntil - now) / 1000));
  const Icon = ICONS[guidance.icon];

  return (
    <section
      role="alert"
      aria-labelledby="generate-error-title"
      className={cn(
        "rounded-card relative flex flex-col gap-4 border p-5 sm:p-6",
        guidance.tone === "danger"
          ? "border-danger/30 bg-danger-soft"
          : "border-warning/30 bg-warning-soft",
      )}
      data-testid="generate-error"
      data-code={guidance.code}
    >
      <button
        type="button"
        onClick={handlers.onDismiss}
        aria-label={t("dismiss")}
        className="text-ink-muted hover:bg-surface/60 hover:text-ink absolute top-2 right-2 inline-flex size-11 items-center justify-center rounded-full sm:size-9"
      >
        <X aria-hidden="true" className="size-4" />
      </button>
      <div className="flex items-start gap-3.5 pr-8">
        <span
          className={cn(
            "bg-surface flex size-11 shrink-0 items-center justify-center rounded-2xl shadow-xs",
            guidance.tone === "danger" ? "text-danger" : "text-warning",
          )}
        >
          <Icon aria-hidden="true" className="size-5" />
        </span>
        <div className="flex min-w-0 flex-col gap-1">
          <h2
            id="generate-error-title"
            className="font-display text-ink text-lg font-semibold tracking-tight"
          >
            {guidance.title}
          </h2>
          <p className="text-ink text-sm" data-testid="generate-error-message">
            {guidance.waitSeconds !== null && secondsLeft > 0
              ? t("countdown", { seconds: secondsLeft })
              : guidance.waitSeconds !== null
                ? t("canRetryNow")
                : guidance.message}
          </p>
          {guidance.hint ? <p className="text-ink-muted text-sm">{guidance.hint}</p> : null}
        </div>
      </div>
      {guidance.actions.length > 0 ? (
        <div className="flex flex-col gap-2 sm:flex-row sm:flex-wrap">
          {guidance.actions.map((action, index) => (
            <ActionButton
              key={`${action.kind}-${index}`}
              action={action}
              primary={index === 0}
              secondsLeft={secondsLeft}
              handlers={handlers}
            />
          ))}
        </div>
      ) : null}
      <p className="text-ink-subtle font-mono text-[0.7rem] tracking-wide">{guidance.code}</p>
    </section>
  );
}

function ActionButton({
  action,
  primary,
  secondsLeft,
  handlers,
}: {
  action: GuidanceAction<string>;
  primary: boolean;
  secondsLeft: number;
  handlers: ErrorActionHandlers;
}) {
  const t = useTranslations("results.guidance");
  const variant = primary ? "primary" : "secondary";
  switch (action.kind) {
    case "link":
      return (
        <Button asChild variant={variant}>
          {action.external ? (
            <a href={action.href} target="_blank" rel="noopener noreferrer">
              {action.label}
              <ExternalLink aria-hidden="true" />
              <span className="sr-only">{t("newTab")}</span>
            </a>
          ) : (
            <Link href={action.href}>{action.label}</Link>
          )}
        </Button>
      );
    case "retry":
      return (
        <Button
          variant={variant}
          disabled={secondsLeft > 0}
          onClick={() => handlers.onRetry(action.reuseKey)}
          data-testid="generate-retry"
        >
          <RotateCw aria-hidden="true" />
          {secondsLeft > 0 ? t("actions.tryAgainIn", { seconds: secondsLeft }) : action.label}
        </Button>
      );
    case "edit-prompt":
      return (
        <Button variant={variant} onClick={handlers.onEditPrompt}>
          {action.label}
        </Button>
      );
    case "choose-image":
      return (
        <Button variant={variant} onClick={handlers.onChooseImage}>
          {action.label}
        </Button>
      );
    case "remove-image":
      return (
        <Button variant={variant} onClick={handlers.onRemoveImage}>
          {action.label}
        </Button>
      );
  }
}
