"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { PasswordInput } from "@/components/ui/password-input";
import type { ApiClientError } from "@/lib/api/errors";
import { TEXT_RULES } from "@/shared/limits";
import { AuthFormFrame } from "./auth-form-frame";
import { useAuthForm, type AuthErrorMapping, type AuthTranslator } from "./use-auth-form";
import { withNext } from "./with-next";

const FIELDS = ["name", "email", "password"] as const;
type RegisterField = (typeof FIELDS)[number];
const RULES = {
  name: TEXT_RULES.name,
  email: TEXT_RULES.email,
  password: TEXT_RULES.password,
};

function mapRegisterError(
  error: ApiClientError,
  t: AuthTranslator,
): AuthErrorMapping<RegisterField> | null {
  // The only conflict registration has: the API's message says the same, in English only.
  if (error.code === "CONFLICT") return { fieldErrors: { email: t("register.emailTaken") } };
  return null;
}

export function RegisterForm({ next }: { next: string | null }) {
  const t = useTranslations("auth");
  const { fieldErrors, formError, pending, onSubmit, clearFieldError } = useAuthForm({
    fields: FIELDS,
    rules: RULES,
    endpoint: "/api/v1/auth/register",
    destination: next ?? "/generate",
    mapError: mapRegisterError,
  });

  return (
    <AuthFormFrame
      kind="register"
      formError={formError}
      onSubmit={onSubmit}
      clearFieldError={clearFieldError}
    >
      <FormField label={t("register.name")} error={fieldErrors.name}>
        <Input
          name="name"
          autoComplete="name"
          placeholder={t("register.namePlaceholder")}
          maxLength={80}
        />
      </FormField>
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
        hint={fieldErrors.password ? undefined : t("register.passwordHint")}
      >
        <PasswordInput name="password" autoComplete="new-password" maxLength={128} />
      </FormField>
      <Button
        type="submit"
        size="lg"
        loading={pending}
        className="mt-1 w-full"
        data-testid="register-submit"
      >
        {t("register.submit")}
      </Button>
      <p className="text-ink-muted text-center text-sm">
        {t.rich("register.haveAccount", {
          link: (chunks) => (
            <Link
              href={withNext("/login", next)}
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
