"use client";

import { CircleCheck } from "lucide-react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { toApiClientError, type ApiClientError } from "@/lib/api/errors";
import { apiFetch } from "@/lib/api/request";
import { useErrorMessage } from "@/lib/i18n/use-error-message";

type Kind = "verify" | "change";

const ENDPOINT: Record<Kind, string> = {
  verify: "/api/v1/auth/email/verify",
  change: "/api/v1/auth/email/confirm",
};

/**
 * The page a mailed link opens. The link itself changes nothing (a mail scanner or a prefetch
 * may open it); the button sends the token, once the person is looking at the page.
 */
export function EmailLinkConfirm({ kind, token }: { kind: Kind; token: string }) {
  const t = useTranslations("auth");
  const errorText = useErrorMessage();
  const [state, setState] = useState<
    | { status: "idle" | "pending" }
    | { status: "done"; email: string | null }
    | { status: "error"; error: ApiClientError }
  >({ status: "idle" });

  async function confirm() {
    if (state.status === "pending") return;
    setState({ status: "pending" });
    try {
      const result = await apiFetch<{ email?: string }>(ENDPOINT[kind], {
        method: "POST",
        json: { token },
      });
      setState({ status: "done", email: result.email ?? null });
    } catch (error) {
      setState({ status: "error", error: toApiClientError(error) });
    }
  }

  if (state.status === "done") {
    const { email } = state;
    return (
      <div className="flex flex-col gap-5" data-testid="email-link-done">
        <Alert
          variant="info"
          role="status"
          title={kind === "verify" ? t("emailLink.verifyDone") : t("emailLink.changeDone")}
        >
          {kind === "verify"
            ? t("emailLink.verifyDoneDetail")
            : email
              ? t("emailLink.changeDoneDetail", { email })
              : t("emailLink.changeDoneDetailNoEmail")}
        </Alert>
        <Link
          href="/generate"
          className="text-primary text-center text-sm font-semibold underline-offset-4 hover:underline"
        >
          {t("goToStudio")}
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
          title={spent ? t("reset.invalidTitle") : errorText(error)}
          data-testid="email-link-error"
        >
          {spent
            ? kind === "verify"
              ? t("emailLink.verifySpent")
              : t("emailLink.changeSpent")
            : error.code === "CONFLICT"
              ? t("emailLink.conflictDetail")
              : t("emailLink.tryAgainSoon")}
        </Alert>
      ) : null}
      {spent ? (
        <Link
          href={kind === "verify" ? "/generate" : "/settings#email"}
          className="text-primary text-center text-sm font-semibold underline-offset-4 hover:underline"
        >
          {kind === "verify" ? t("goToStudio") : t("emailLink.openSettings")}
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
          {kind === "verify" ? t("emailLink.verifyButton") : t("emailLink.changeButton")}
        </Button>
      )}
    </div>
  );
}
