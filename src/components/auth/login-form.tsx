"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { FormField } from "@/components/ui/form-field";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { PasswordInput } from "@/components/ui/password-input";
import type { ApiClientError } from "@/lib/api/errors";
import { TEXT_RULES } from "@/shared/limits";
import { withNext } from "./with-next";
import { AuthFormFrame } from "./auth-form-frame";
import { useAuthForm, type AuthErrorMapping, type AuthTranslator } from "./use-auth-form";

const FIELDS = ["email", "password"] as const;
type LoginField = (typeof FIELDS)[number];
const RULES = { email: TEXT_RULES.email, password: TEXT_RULES.loginPassword };

function isSuspension(error: ApiClientError): boolean {
  const details = error.details;
  return (
    typeof details === "object" &&
    details !== null &&
    (details as { reason?: unknown }).reason === "SUSPENDED"
  );
}

function mapLoginError(
  error: ApiClientError,
  t: AuthTranslator,
): AuthErrorMapping<LoginField> | null {
  if (error.code === "UNAUTHORIZED" && isSuspension(error)) {
    return {
      formError: {
        title: t("login.suspendedError"),
        detail: t("login.suspendedErrorDetail"),
      },
    };
  }
  if (error.code === "UNAUTHORIZED") {
    return {
      formError: {
        title: t("login.wrongCredentials"),
        detail: t("login.wrongCredentialsDetail"),
      },
    };
  }
  return null;
}

export function LoginForm({ next }: { next: string | null }) {
  const t = useTranslations("auth");
  const { fieldErrors, formError, pending, onSubmit, clearFieldError } = useAuthForm({
    fields: FIELDS,
    rules: RULES,
    endpoint: "/api/v1/auth/login",
    destination: next ?? "/generate",
    mapError: mapLoginError,
  });

  return (
    <AuthFormFrame
      kind="login"
      formError={formError}
      onSubmit={onSubmit}
      clearFieldError={clearFieldError}
    >
      <FormField label={t("email")} error={fieldErrors.email}>
        <Input
          name="email"
          type="email"
          autoComplete="email"
          inputMode="email"
          autoCapitalize="none"
          spellCheck={false}
          placeholder={t("emailPlaceholder")}
        />
      </FormField>
      <FormField
        label={t("password")}
        error={fieldErrors.password}
        labelAside={
          <Link
            href="/forgot-password"
            className="text-primary text-sm font-semibold underline-offset-4 hover:underline"
            data-testid="forgot-password-link"
          >
            {t("login.forgotLink")}
          </Link>
        }
      >
        <PasswordInput name="password" autoComplete="current-password" />
      </FormField>
      <Button
        type="submit"
        size="lg"
        loading={pending}
        className="mt-1 w-full"
        data-testid="login-submit"
      >
        {t("login.submit")}
      </Button>
      <p className="text-ink-muted text-center text-sm">
        {t.rich("login.newHere", {
          link: (chunks) => (
            <Link
              href={withNext("/register", next)}
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
