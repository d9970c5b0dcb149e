"use client";

import { CircleCheck } from "lucide-react";
import Link from "next/link";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { toApiClientError, type ApiClientError } from "@/lib/api/errors";
import { apiFetch } from "@/lib/api/request";

type Kind = "verify" | "change";

const COPY: Record<
  Kind,
  { endpoint: string; button: string; done: string; doneDetail: (email: string | null) => string }
> = {
  verify: {
    endpoint: "/api/v1/auth/email/verify",
    button: "Confirm my email",
    done: "Your email is confirmed.",
    doneDetail: () => "Thank you. Everything in the studio is open to you.",
  },
  change: {
    endpoint: "/api/v1/auth/email/confirm",
    button: "Use this address",
    done: "Your email is changed.",
    doneDetail: (email) =>
      email
        ? `From now on you sign in with ${email}. We told the old address too.`
        : "From now on you sign in with the new address.",
  },
};

/**
 * The page a mailed link opens. The link itself changes nothing (a mail scanner or a prefetch
 * may open it); the button sends the token, once the person is looking at the page.
 */
export function EmailLinkConfirm({ kind, token }: { kind: Kind; token: string }) {
  const copy = COPY[kind];
  const [state, setState] = useState<
    | { status: "idle" | "pending" }
    | { status: "done"; email: string | null }
    | { status: "error"; error: ApiClientError }
  >({ status: "idle" });

  async function confirm() {
    if (state.status === "pending") return;
    setState({ status: "pending" });
    try {
      const result = await apiFetch<{ email?: string }>(copy.endpoint, {
        method: "POST",
        json: { token },
      });
      setState({ status: "done", email: result.email ?? null });
    } catch (error) {
      setState({ status: "error", error: toApiClientError(error) });
    }
  }

  if (state.status === "done") {
    return (
      <div className="flex flex-col gap-5" data-testid="email-link-done">
        <Alert variant="info" role="status" title={copy.done}>
          {copy.doneDetail(state.email)}
        </Alert>
        <Link
          href="/generate"
          className="text-primary text-center text-sm font-semibold underline-offset-4 hover:underline"
        >
          Go to the studio
        </Link>
      </div>
    );
  }

  const error = state.status === "error" ? state.error : null;
  const spent = error?.code === "VALIDATION_ERROR";
  return (
    <div className="flex flex-col gap-5">
      {error ? (
        <Alert
          variant={spent ? "warning" : "danger"}
          role="alert"
          title={spent ? "This link does not work any more." : error.message}
          data-testid="email-link-error"
        >
          {spent
            ? kind === "verify"
              ? "It was used, it expired, or a newer one was sent. If your email is not confirmed yet, sign in and choose “Resend link” on the banner."
              : "It was used, it expired after an hour, or a newer change was asked for. Ask again in Settings → Email."
            : error.code === "CONFLICT"
              ? "Your email stays as it was."
              : "Try again in a moment."}
        </Alert>
      ) : null}
      {spent ? (
        <Link
          href={kind === "verify" ? "/generate" : "/settings#email"}
          className="text-primary text-center text-sm font-semibold underline-offset-4 hover:underline"
        >
          {kind === "verify" ? "Go to the studio" : "Open Settings"}
        </Link>
      ) : (
        <Button
          size="lg"
          className="w-full"
          loading={state.status === "pending"}
          onClick={() => void confirm()}
          data-testid="email-link-confirm"
        >
          <CircleCheck aria-hidden="true" />
          {copy.button}
        </Button>
      )}
    </div>
  );
}
