"use client";

import { BellOff } from "lucide-react";
import Link from "next/link";
import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ApiClientError } from "@/lib/api/errors";
import { apiFetch } from "@/lib/api/request";

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
          ? "This link does not work any more. Log in and turn notifications off in Settings."
          : cause instanceof ApiClientError
            ? cause.message
            : "Something went wrong. Please try again.",
      );
    }
  }

  if (state === "done") {
    return (
      <div className="flex flex-col gap-5" role="status" data-testid="unsubscribe-done">
        <div className="border-line bg-surface-raised/60 flex gap-3 rounded-2xl border p-4">
          <BellOff aria-hidden="true" className="text-primary mt-0.5 size-5 shrink-0" />
          <div className="flex min-w-0 flex-col gap-1 text-sm">
            <p className="text-ink font-semibold">Email notifications are off</p>
            <p className="text-ink-muted">
              You will get no more mail about finished images. Mail about your account itself (a
              password reset you ask for, for example) still comes.
            </p>
          </div>
        </div>
        <Link href="/settings#preferences" className={SETTINGS_LINK}>
          Turn them back on in Settings
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
        Turn off notifications
      </Button>
      <Link href="/settings#preferences" className={SETTINGS_LINK}>
        Keep them, and see my settings
      </Link>
    </form>
  );
}
