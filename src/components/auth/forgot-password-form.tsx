"use client";

import { MailCheck } from "lucide-react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { TEXT_RULES } from "@/shared/limits";
import { AuthFormFrame } from "./auth-form-frame";
import { useAuthForm } from "./use-auth-form";

const FIELDS = ["email"] as const;
const RULES = { email: TEXT_RULES.email };

/** "Forgot password?": asks for the email; the answer never says whether it has an account. */
export function ForgotPasswordForm() {
  const t = useTranslations("auth");
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [email, setEmail] = useState("");
  const { fieldErrors, formError, pending, onSubmit, clearFieldError } = useAuthForm({
    fields: FIELDS,
    rules: RULES,
    endpoint: "/api/v1/auth/password/forgot",
    destination: "/login",
    onSuccess: () => setSentTo(email.trim()),
  });

  if (sentTo !== null) {
    return (
      <div className="flex flex-col gap-5" role="status" data-testid="forgot-password-sent">
        <div className="border-line bg-surface-raised/60 flex gap-3 rounded-2xl border p-4">
          <MailCheck aria-hidden="true" className="text-primary mt-0.5 size-5 shrink-0" />
          <div className="flex min-w-0 flex-col gap-1 text-sm">
            <p className="text-ink font-semibold">{t("forgot.sentTitle")}</p>
            <p className="text-ink-muted">
              {t.rich("forgot.sentDetail", {
                email: sentTo,
                strong: (chunks) => (
                  <span className="text-ink font-semibold [overflow-wrap:anywhere]">{chunks}</span>
                ),
              })}
            </p>
          </div>
        </div>
        <p className="text-ink-muted text-sm">
          {t.rich("forgot.sentAgain", {
            again: (chunks) => (
              <button
                type="button"
                onClick={() => setSentTo(null)}
                className="text-primary rounded font-semibold underline-offset-4 hover:underline"
                data-testid="forgot-password-again"
              >
                {chunks}
              </button>
            ),
          })}
        </p>
        <Link
          href="/login"
          className="text-primary text-center text-sm font-semibold underline-offset-4 hover:underline"
        >
          {t("forgot.backToLogin")}
        </Link>
      </div>
    );
  }

  return (
    <AuthFormFrame
      kind="forgot-password"
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
          value={email}
          onChange={(event) => setEmail(event.target.value)}
        />
      </FormField>
      <Button
        type="submit"
        size="lg"
        loading={pending}
        className="mt-1 w-full"
        data-testid="forgot-password-submit"
      >
        {t("forgot.submit")}
      </Button>
      <p className="text-ink-muted text-center text-sm">
        {t.rich("forgot.remembered", {
          link: (chunks) => (
            <Link
              href="/login"
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
