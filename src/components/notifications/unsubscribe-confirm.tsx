"use client";

import { BellOff } from "lucide-react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ApiClientError } from "@/lib/api/errors";
import { apiFetch } from "@/lib/api/request";
import { useErrorMessage } from "@/lib/i18n/use-error-message";

const SETTINGS_LINK =
  "text-primary text-center text-sm font-semibold underline-offset-4 hover:underline";

/**
 * The button of /unsubscribe: POSTs the signed link's query with RFC 8058's one-click pair, as
 * a mail client would. No sign-in: the signature is the permission.
 */
export function UnsubscribeConfirm({
  u,
  s,
  alreadyOff,
}: {
  u: string;
  s: string;
  alreadyOff: boolean;
}) {
  const [state, setState] = useState<"idle" | "pending" | "done">(alreadyOff ? "done" : "idle");
  const [error, setError] = useState<string | null>(null);
  const t = useTranslations("auth");
  const errorText = useErrorMessage();

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setState("pending");
    setError(null);
    try {
      await apiFetch(`/api/v1/notifications/unsubscribe?${new URLSearchParams({ u, s })}`, {
        method: "POST",
        json: { "List-Unsubscribe": "One-Click" },
      });
      setState("done");
    } catch (cause) {
      setState("idle");
      setError(
        cause instanceof ApiClientError && cause.code === "NOT_FOUND"
          ? t("unsubscribe.linkSpent")
          : cause instanceof ApiClientError
            ? errorText(cause)
            : t("errors.somethingWrong"),
      );
    }
  }

  if (state === "done") {
    return (
      <div className="flex flex-col gap-5" role="status" data-testid="unsubscribe-done">
        <div className="border-line bg-surface-raised/60 flex gap-3 rounded-2xl border p-4">
          <BellOff aria-hidden="true" className="text-primary mt-0.5 size-5 shrink-0" />
          <div className="flex min-w-0 flex-col gap-1 text-sm">
            <p className="text-ink font-semibold">{t("unsubscribe.doneTitle")}</p>
            <p className="text-ink-muted">{t("unsubscribe.doneDetail")}</p>
          </div>
        </div>
        <Link href="/settings#preferences" className={SETTINGS_LINK}>
          {t("unsubscribe.turnBackOn")}
        </Link>
      </div>
    );
  }

  return (
    <form
      className="flex flex-col gap-5"
      onSubmit={onSubmit}
      noValidate
      data-testid="unsubscribe-form"
    >
      {error ? (
        <Alert variant="danger" role="alert" title={error} data-testid="unsubscribe-error" />
      ) : null}
      <Button
        type="submit"
        size="lg"
        loading={state === "pending"}
        className="w-full"
        data-testid="unsubscribe-submit"
      >
        {t("unsubscribe.submit")}
      </Button>
      <Link href="/settings#preferences" className={SETTINGS_LINK}>
        {t("unsubscribe.keep")}
      </Link>
    </form>
  );
}
