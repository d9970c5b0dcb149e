"use client";

import { Mail } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { checkFormFields } from "@/components/ui/check-form-fields";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { PasswordInput } from "@/components/ui/password-input";
import { toast } from "@/components/ui/toast-store";
import { useApiMutation } from "@/lib/api/hooks";
import { apiFetch } from "@/lib/api/request";
import { useErrorMessage } from "@/lib/i18n/use-error-message";
import type { User } from "@/shared/api-types";
import { TEXT_RULES } from "@/shared/limits";
import { SettingsSection } from "./settings-section";

type Field = "newEmail" | "password";
const RULES = { newEmail: TEXT_RULES.email, password: TEXT_RULES.loginPassword };

/**
 * The account's address: whether it is confirmed (with "Resend link"), and a change, which
 * happens only when the link mailed to the new address is opened.
 */
export function EmailSection({ user }: { user: User }) {
  const t = useTranslations("settings.email");
  const errorText = useErrorMessage();
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, setPending] = useState<string | null>(null);

  const resend = useApiMutation({
    mutationFn: () =>
      apiFetch<{ sent: boolean }>("/api/v1/auth/email/verify/resend", { method: "POST" }),
    errorToast: t("resendFailed"),
    onSuccess: (result) =>
      toast({
        variant: "success",
        title: result.sent ? t("linkSent") : t("alreadyConfirmed"),
        description: result.sent ? t("checkInbox", { email: user.email }) : undefined,
      }),
  });

  const change = useApiMutation({
    mutationFn: (input: Record<Field, string>) =>
      apiFetch<{ pendingEmail: string }>("/api/v1/auth/email/change", {
        method: "POST",
        json: input,
      }),
    errorToast: false,
    onMutate: () => {
      setErrors({});
      setFormError(null);
    },
    onSuccess: (result) => setPending(result.pendingEmail),
    onError: (caught) => {
      const fields = caught.fieldErrors();
      const known = { newEmail: fields.newEmail, password: fields.password };
      if (known.newEmail || known.password) setErrors(known);
      else setFormError(errorText(caught));
    },
  });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (change.isPending) return;
    const form = event.currentTarget;
    const checked = checkFormFields(form, RULES, ["newEmail", "password"]);
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    change.mutate(checked.values, { onSuccess: () => form.reset() });
  }

  return (
    <SettingsSection
      id="email"
      icon={Mail}
      title={t("title")}
      description={t("description")}
      testId="settings-email"
    >
      <div className="flex flex-col gap-5">
        <div className="flex flex-col gap-2 sm:flex-row sm:items-center sm:justify-between">
          <p className="text-ink text-sm [overflow-wrap:anywhere]">
            <span className="font-semibold">{user.email}</span>{" "}
            {user.emailVerified ? (
              <Badge variant="success" data-testid="email-status">
                {t("confirmed")}
              </Badge>
            ) : (
              <Badge variant="warning" data-testid="email-status">
                {t("notConfirmed")}
              </Badge>
            )}
          </p>
          {user.emailVerified ? null : (
            <Button
              size="sm"
              variant="secondary"
              loading={resend.isPending}
              onClick={() => resend.mutate()}
              data-testid="settings-verify-resend"
            >
              {t("resend")}
            </Button>
          )}
        </div>

        {pending ? (
          <div
            role="status"
            className="border-line bg-surface-raised rounded-xl border p-4 text-sm"
            data-testid="change-email-sent"
          >
            <p className="text-ink font-semibold [overflow-wrap:anywhere]">
              {t("checkFor", { email: pending })}
            </p>
            <p className="text-ink-muted mt-1 [overflow-wrap:anywhere]">
              {t("changesWhenOpened", { email: user.email })}
            </p>
            <Button
              size="sm"
              variant="ghost"
              className="mt-2"
              onClick={() => setPending(null)}
              data-testid="change-email-again"
            >
              {t("useAnother")}
            </Button>
          </div>
        ) : (
          <form
            method="post"
            noValidate
            onSubmit={submit}
            onChange={(event) => {
              if (!(event.target instanceof HTMLInputElement)) return;
              const name = event.target.name as Field;
              if (errors[name]) setErrors((current) => ({ ...current, [name]: undefined }));
            }}
            className="flex flex-col gap-4"
            data-testid="change-email-form"
          >
            <FormField label={t("newEmail")} error={errors.newEmail} hint={t("newEmailHint")}>
              <Input name="newEmail" type="email" autoComplete="email" inputMode="email" />
            </FormField>
            <FormField label={t("currentPassword")} error={errors.password}>
              <PasswordInput name="password" autoComplete="current-password" />
            </FormField>
            {formError ? (
              <p role="alert" className="text-danger text-sm" data-testid="change-email-error">
                {formError}
              </p>
            ) : null}
            <div>
              <Button type="submit" loading={change.isPending} data-testid="change-email-submit">
                {t("change")}
              </Button>
            </div>
          </form>
        )}
      </div>
    </SettingsSection>
  );
}
