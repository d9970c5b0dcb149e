"use client";

import { KeyRound } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { checkFormFields } from "@/components/ui/check-form-fields";
import { FormField } from "@/components/ui/form-field";
import { PasswordInput } from "@/components/ui/password-input";
import { toast } from "@/components/ui/toast-store";
import { useApiMutation } from "@/lib/api/hooks";
import { apiFetch } from "@/lib/api/request";
import { useErrorMessage } from "@/lib/i18n/use-error-message";
import { TEXT_RULES } from "@/shared/limits";
import { SettingsSection } from "./settings-section";

type Field = "currentPassword" | "newPassword";
const RULES = { currentPassword: TEXT_RULES.loginPassword, newPassword: TEXT_RULES.password };

/** Change password: the current one required; every other device is signed out. */
export function SecuritySection() {
  const t = useTranslations("settings.security");
  const errorText = useErrorMessage();
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const change = useApiMutation({
    mutationFn: (input: Record<Field, string>) =>
      apiFetch<unknown>("/api/v1/auth/password", { method: "PUT", json: input }),
    errorToast: false,
    onMutate: () => {
      setErrors({});
      setFormError(null);
    },
    onSuccess: () => {
      toast({
        variant: "success",
        title: t("changed"),
        description: t("changedDescription"),
      });
    },
    onError: (caught) => {
      const fields = caught.fieldErrors();
      const known = {
        currentPassword: fields.currentPassword,
        newPassword: fields.newPassword,
      };
      if (known.currentPassword || known.newPassword) setErrors(known);
      else setFormError(errorText(caught));
    },
  });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (change.isPending) return;
    const form = event.currentTarget;
    const checked = checkFormFields(form, RULES, ["currentPassword", "newPassword"]);
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    change.mutate(checked.values, { onSuccess: () => form.reset() });
  }

  return (
    <SettingsSection
      id="security"
      icon={KeyRound}
      title={t("title")}
      description={t("description")}
      testId="settings-security"
    >
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
        data-testid="change-password-form"
      >
        <FormField label={t("currentPassword")} error={errors.currentPassword}>
          <PasswordInput name="currentPassword" autoComplete="current-password" />
        </FormField>
        <FormField label={t("newPassword")} error={errors.newPassword} hint={t("newPasswordHint")}>
          <PasswordInput name="newPassword" autoComplete="new-password" />
        </FormField>
        {formError ? (
          <p role="alert" className="text-danger text-sm" data-testid="change-password-error">
            {formError}
          </p>
        ) : null}
        <div>
          <Button type="submit" loading={change.isPending} data-testid="change-password-submit">
            {t("change")}
          </Button>
        </div>
      </form>
    </SettingsSection>
  );
}
