"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { PasswordInput } from "@/components/ui/password-input";
import type { ApiClientError } from "@/lib/api/errors";
import { TEXT_RULES } from "@/shared/limits";
import { AuthFormFrame } from "./auth-form-frame";
import { useAuthForm, type AuthErrorMapping, type AuthTranslator } from "./use-auth-form";

const FIELDS = ["token", "password"] as const;
type ResetField = (typeof FIELDS)[number];
// A session a recovery link opened (Supabase Auth) stands in for the token.
const PASSWORD_ONLY: readonly ResetField[] = ["password"];
// The token is the link's; the server checks it. The password follows registration's rules.
const RULES = { token: { max: [256] }, password: TEXT_RULES.password } as const;

function mapResetError(
  error: ApiClientError,
  t: AuthTranslator,
): AuthErrorMapping<ResetField> | null {
  const fieldErrors = error.code === "VALIDATION_ERROR" ? error.fieldErrors() : {};
  if (fieldErrors.token) {
    return {
      formError: {
        title: t("reset.invalidTitle"),
        detail: t("reset.tokenSpentDetail"),
      },
    };
  }
  return null;
}

/**
 * Sets a new password with the mailed token (or the session its link opened, `token` null);
 * success leads to log in with it.
 */
export function ResetPasswordForm({ token }: { token: string | null }) {
  const t = useTranslations("auth.reset");
  const { fieldErrors, formError, pending, onSubmit, clearFieldError } = useAuthForm({
    fields: token === null ? PASSWORD_ONLY : FIELDS,
    rules: RULES,
    endpoint: "/api/v1/auth/password/reset",
    // Every session ended with the reset: the new password is proven by logging in with it.
    destination: "/login?reset=done",
    mapError: mapResetError,
  });

  return (
    <AuthFormFrame
      kind="reset-password"
      formError={formError}
      onSubmit={onSubmit}
      clearFieldError={clearFieldError}
    >
      {token !== null && <input type="hidden" name="token" id="reset-token" value={token} />}
      <FormField label={t("newPassword")} error={fieldErrors.password} hint={t("hint")}>
        <PasswordInput name="password" autoComplete="new-password" />
      </FormField>
      <Button
        type="submit"
        size="lg"
        loading={pending}
        className="mt-1 w-full"
        data-testid="reset-password-submit"
      >
        {t("submit")}
      </Button>
      <p className="text-ink-muted text-center text-sm">
        {t.rich("notWorking", {
          link: (chunks) => (
            <Link
              href="/forgot-password"
              className="text-primary font-semibold underline-offset-4 hover:underline"
            >
              {chunks}
            </Link>
          ),
        })}
      </p>
    </AuthFormFrame>
  );
}
