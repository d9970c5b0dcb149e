"use client";

import { CircleCheck, Save } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState, type FormEvent, type ReactNode } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Switch } from "@/components/ui/switch";
import { Textarea } from "@/components/ui/textarea";
import { toast } from "@/components/ui/toast-store";
import { useApiMutation } from "@/lib/api/hooks";
import { apiFetch } from "@/lib/api/request";
import { useErrorMessage } from "@/lib/i18n/use-error-message";
import { useFieldErrors } from "@/lib/i18n/use-field-errors";
import {
  REGISTRATION_MODES,
  SYSTEM_SETTING_KEYS,
  SYSTEM_SETTING_LIMITS,
  SYSTEM_SETTING_TEXT,
  type RegistrationMode,
  type SystemSettings,
} from "@/shared/system-settings";

/** The form's text: numbers and lists as typed, so a half-typed value is not lost. */
interface Draft {
  registration: RegistrationMode;
  invitedEmails: string;
  defaultDailyLimit: string;
  defaultMonthlyLimit: string;
  requireEmailVerification: boolean;
  privateImageRetentionDays: string;
  auditRetentionDays: string;
  maintenanceMessage: string;
  moderationPhrases: string;
  userGenerationsPerMinute: string;
  supporterGenerationsPerMinute: string;
  adminGenerationsPerMinute: string;
}

const RATE_FIELDS = [
  { key: "userGenerationsPerMinute", role: "user", testId: "setting-rate-user" },
  { key: "supporterGenerationsPerMinute", role: "supporter", testId: "setting-rate-supporter" },
  { key: "adminGenerationsPerMinute", role: "admin", testId: "setting-rate-admin" },
] as const;

function toDraft(settings: SystemSettings): Draft {
  return {
    registration: settings.registration,
    invitedEmails: settings.invitedEmails.join("\n"),
    defaultDailyLimit: String(settings.defaultDailyLimit),
    defaultMonthlyLimit: String(settings.defaultMonthlyLimit),
    requireEmailVerification: settings.requireEmailVerification,
    privateImageRetentionDays: settings.privateImageRetentionDays?.toString() ?? "",
    auditRetentionDays: String(settings.auditRetentionDays),
    maintenanceMessage: settings.maintenanceMessage ?? "",
    moderationPhrases: settings.moderationPhrases.join("\n"),
    userGenerationsPerMinute: String(settings.userGenerationsPerMinute),
    supporterGenerationsPerMinute: String(settings.supporterGenerationsPerMinute),
    adminGenerationsPerMinute: String(settings.adminGenerationsPerMinute),
  };
}

const lines = (text: string) =>
  text
    .split(/[\n,]/)
    .map((line) => line.trim())
    .filter(Boolean);

/** The draft as settings, with the errors the browser can tell before asking the server. */
function fromDraft(
  draft: Draft,
  notWholeNumber: string,
): { settings: SystemSettings; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const wholeNumber = (text: string, field: string): number => {
    if (!/^\d+$/.test(text.trim())) errors[field] = notWholeNumber;
    return Number(text.trim());
  };
  const retention = draft.privateImageRetentionDays.trim();
  const settings: SystemSettings = {
    registration: draft.registration,
    invitedEmails: lines(draft.invitedEmails).map((email) => email.toLowerCase()),
    defaultDailyLimit: wholeNumber(draft.defaultDailyLimit, "defaultDailyLimit"),
    defaultMonthlyLimit: wholeNumber(draft.defaultMonthlyLimit, "defaultMonthlyLimit"),
    requireEmailVerification: draft.requireEmailVerification,
    privateImageRetentionDays: retention
      ? wholeNumber(retention, "privateImageRetentionDays")
      : null,
    auditRetentionDays: wholeNumber(draft.auditRetentionDays, "auditRetentionDays"),
    maintenanceMessage: draft.maintenanceMessage.trim() || null,
    moderationPhrases: lines(draft.moderationPhrases).map((phrase) => phrase.toLowerCase()),
    userGenerationsPerMinute: wholeNumber(
      draft.userGenerationsPerMinute,
      "userGenerationsPerMinute",
    ),
    supporterGenerationsPerMinute: wholeNumber(
      draft.supporterGenerationsPerMinute,
      "supporterGenerationsPerMinute",
    ),
    adminGenerationsPerMinute: wholeNumber(
      draft.adminGenerationsPerMinute,
      "adminGenerationsPerMinute",
    ),
  };
  return { settings, errors };
}

/** Only what differs from the saved settings is sent (and so audited). */
function changedFields(saved: SystemSettings, next: SystemSettings): Partial<SystemSettings> {
  const patch: Record<string, unknown> = {};
  for (const key of SYSTEM_SETTING_KEYS) {
    if (JSON.stringify(saved[key]) !== JSON.stringify(next[key])) patch[key] = next[key];
  }
  return patch as Partial<SystemSettings>;
}

/** /admin/settings: every live setting in one form, saved together. */
export function AdminSettingsForm({ initial }: { initial: SystemSettings }) {
  const t = useTranslations("admin.settings");
  const errorText = useErrorMessage();
  const fieldErrorsOf = useFieldErrors();
  const [saved, setSaved] = useState(initial);
  const [draft, setDraft] = useState(() => toDraft(initial));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [outcome, setOutcome] = useState<
    | { kind: "saved"; fields: number }
    | { kind: "unchanged" }
    | { kind: "error"; message: string }
    | null
  >(null);

  const save = useApiMutation({
    mutationFn: (patch: Partial<SystemSettings>) =>
      apiFetch<SystemSettings>("/api/v1/admin/settings", { method: "PATCH", json: patch }),
    errorToast: false,
    onSuccess: (settings, patch) => {
      setSaved(settings);
      setDraft(toDraft(settings));
      setErrors({});
      setOutcome({ kind: "saved", fields: Object.keys(patch).length });
      toast({
        variant: "success",
        title: t("savedToast"),
        description: t("savedToastDescription"),
      });
    },
    onError: (error) => {
      const fieldErrors = fieldErrorsOf(error);
      setErrors(fieldErrors);
      setOutcome({
        kind: "error",
        message: Object.keys(fieldErrors).length > 0 ? t("needsLook") : errorText(error),
      });
    },
  });

  const update = <K extends keyof Draft>(key: K, value: Draft[K]) => {
    setDraft((current) => ({ ...current, [key]: value }));
    setOutcome(null);
  };

  function submit(event: FormEvent) {
    event.preventDefault();
    const { settings, errors: found } = fromDraft(draft, t("wholeNumber"));
    setErrors(found);
    if (Object.keys(found).length > 0) {
      setOutcome({ kind: "error", message: t("needsLook") });
      return;
    }
    const patch = changedFields(saved, settings);
    if (Object.keys(patch).length === 0) {
      setOutcome({ kind: "unchanged" });
      return;
    }
    save.mutate(patch);
  }

  return (
    <form
      onSubmit={submit}
      noValidate
      className="flex max-w-3xl flex-col gap-6"
      data-testid="admin-settings-form"
      aria-busy={save.isPending}
    >
      <Group id="signup" title={t("signup.title")} description={t("signup.description")}>
        <fieldset className="flex flex-col gap-2" aria-describedby="registration-hint">
          <legend className="text-ink mb-2 text-sm font-medium">{t("signup.registration")}</legend>
          {REGISTRATION_MODES.map((mode) => (
            <label
              key={mode}
              className="border-line has-[:checked]:border-primary has-[:checked]:bg-primary-soft flex cursor-pointer items-start gap-3 rounded-xl border p-3"
            >
              <input
                type="radio"
                name="registration"
                value={mode}
                checked={draft.registration === mode}
                onChange={() => update("registration", mode)}
                className="accent-primary mt-1 size-4"
                data-testid={`registration-${mode}`}
              />
              <span className="flex flex-col">
                <span className="text-ink text-sm font-semibold">
                  {t(`signup.modes.${mode}.label`)}
                </span>
                <span className="text-ink-muted text-sm">
                  {t(`signup.modes.${mode}.description`)}
                </span>
              </span>
            </label>
          ))}
          <p id="registration-hint" className="text-ink-muted text-sm">
            {t("signup.adminHint")}
          </p>
        </fieldset>
        <FormField
          label={t("signup.invited")}
          hint={t("signup.invitedHint", { max: SYSTEM_SETTING_LIMITS.invitedEmails })}
          error={errors.invitedEmails}
        >
          <Textarea
            name="invitedEmails"
            rows={3}
            autoComplete="off"
            spellCheck={false}
            value={draft.invitedEmails}
            onChange={(event) => update("invitedEmails", event.target.value)}
            data-testid="setting-invited-emails"
          />
        </FormField>
      </Group>

      <Group id="limits" title={t("limits.title")} description={t("limits.description")}>
        <div className="grid gap-4 sm:grid-cols-2">
          <FormField
            label={t("limits.daily")}
            hint={t("limits.dailyHint")}
            error={errors.defaultDailyLimit}
          >
            <Input
              name="defaultDailyLimit"
              inputMode="numeric"
              autoComplete="off"
              value={draft.defaultDailyLimit}
              onChange={(event) => update("defaultDailyLimit", event.target.value)}
              data-testid="setting-daily-limit"
            />
          </FormField>
          <FormField
            label={t("limits.monthly")}
            hint={t("limits.monthlyHint")}
            error={errors.defaultMonthlyLimit}
          >
            <Input
              name="defaultMonthlyLimit"
              inputMode="numeric"
              autoComplete="off"
              value={draft.defaultMonthlyLimit}
              onChange={(event) => update("defaultMonthlyLimit", event.target.value)}
              data-testid="setting-monthly-limit"
            />
          </FormField>
        </div>
        <fieldset className="flex flex-col gap-3">
          <legend className="text-ink text-sm font-medium">{t("limits.rate")}</legend>
          <p className="text-ink-muted -mt-1 text-sm">{t("limits.rateDescription")}</p>
          <div className="grid gap-4 sm:grid-cols-3">
            {RATE_FIELDS.map(({ key, role, testId }) => (
              <FormField
                key={key}
                label={t(`limits.rates.${role}`)}
                hint={t("limits.rateHint", {
                  min: SYSTEM_SETTING_LIMITS.generationsPerMinute.min,
                  max: SYSTEM_SETTING_LIMITS.generationsPerMinute.max,
                })}
                error={errors[key]}
              >
                <Input
                  name={key}
                  inputMode="numeric"
                  autoComplete="off"
                  value={draft[key]}
                  onChange={(event) => update(key, event.target.value)}
                  data-testid={testId}
                />
              </FormField>
            ))}
          </div>
        </fieldset>
      </Group>

      <Group id="safety" title={t("safety.title")} description={t("safety.description")}>
        <div className="flex items-center justify-between gap-5">
          <div className="flex min-w-0 flex-col gap-0.5">
            <label htmlFor="setting-require-verification" className="text-ink text-sm font-medium">
              {t("safety.verification")}
            </label>
            <p id="setting-require-verification-hint" className="text-ink-muted text-sm">
              {t("safety.verificationHint")}
            </p>
          </div>
          <Switch
            id="setting-require-verification"
            aria-describedby="setting-require-verification-hint"
            checked={draft.requireEmailVerification}
            onCheckedChange={(checked) => update("requireEmailVerification", checked)}
            data-testid="setting-require-verification"
          />
        </div>
        <FormField
          label={t("safety.phrases")}
          hint={t("safety.phrasesHint", {
            max: SYSTEM_SETTING_LIMITS.moderationPhrases,
            minLength: SYSTEM_SETTING_TEXT.moderationPhrase.min[0],
            maxLength: SYSTEM_SETTING_TEXT.moderationPhrase.max[0],
          })}
          error={errors.moderationPhrases}
        >
          <Textarea
            name="moderationPhrases"
            rows={3}
            autoComplete="off"
            value={draft.moderationPhrases}
            onChange={(event) => update("moderationPhrases", event.target.value)}
            data-testid="setting-moderation-phrases"
          />
        </FormField>
      </Group>

      <Group id="announcements-and-storage" title={t("announcements.title")}>
        <FormField
          label={t("announcements.banner")}
          hint={t("announcements.bannerHint", {
            max: SYSTEM_SETTING_TEXT.maintenanceMessage.max[0],
          })}
          error={errors.maintenanceMessage}
        >
          <Textarea
            name="maintenanceMessage"
            rows={2}
            autoComplete="off"
            maxLength={SYSTEM_SETTING_TEXT.maintenanceMessage.max[0]}
            value={draft.maintenanceMessage}
            onChange={(event) => update("maintenanceMessage", event.target.value)}
            data-testid="setting-maintenance-message"
          />
        </FormField>
        <FormField
          label={t("announcements.retention")}
          hint={t("announcements.retentionHint", {
            min: SYSTEM_SETTING_LIMITS.retentionDays.min,
            max: SYSTEM_SETTING_LIMITS.retentionDays.max,
          })}
          error={errors.privateImageRetentionDays}
        >
          <Input
            name="privateImageRetentionDays"
            inputMode="numeric"
            autoComplete="off"
            placeholder={t("announcements.retentionPlaceholder")}
            value={draft.privateImageRetentionDays}
            onChange={(event) => update("privateImageRetentionDays", event.target.value)}
            data-testid="setting-retention-days"
          />
        </FormField>
        <FormField
          label={t("announcements.auditRetention")}
          hint={t("announcements.auditRetentionHint", {
            min: SYSTEM_SETTING_LIMITS.auditRetentionDays.min,
            max: SYSTEM_SETTING_LIMITS.auditRetentionDays.max,
          })}
          error={errors.auditRetentionDays}
        >
          <Input
            name="auditRetentionDays"
            inputMode="numeric"
            autoComplete="off"
            value={draft.auditRetentionDays}
            onChange={(event) => update("auditRetentionDays", event.target.value)}
            data-testid="setting-audit-retention-days"
          />
        </FormField>
      </Group>

      <div className="bg-canvas/90 border-line sticky bottom-[calc(4.5rem+env(safe-area-inset-bottom))] z-10 -mx-4 flex flex-col gap-3 border-t px-4 py-3 backdrop-blur sm:mx-0 sm:rounded-xl sm:border lg:bottom-4">
        <div aria-live="polite" data-testid="admin-settings-outcome">
          {outcome?.kind === "saved" ? (
            <p
              className="text-success flex items-center gap-2 text-sm font-medium"
              data-testid="admin-settings-saved"
            >
              <CircleCheck aria-hidden="true" className="size-4" />
              {t("saved", { count: outcome.fields })}
            </p>
          ) : outcome?.kind === "unchanged" ? (
            <p className="text-ink-muted text-sm">{t("unchanged")}</p>
          ) : null}
        </div>
        {outcome?.kind === "error" ? (
          <Alert
            variant="danger"
            role="alert"
            title={t("notSaved")}
            data-testid="admin-settings-error"
          >
            {outcome.message}
          </Alert>
        ) : null}
        <div className="flex flex-wrap gap-2">
          <Button type="submit" loading={save.isPending} data-testid="admin-settings-save">
            <Save aria-hidden="true" />
            {t("save")}
          </Button>
          <Button
            type="button"
            variant="secondary"
            disabled={save.isPending}
            onClick={() => {
              setDraft(toDraft(saved));
              setErrors({});
              setOutcome(null);
            }}
          >
            {t("undo")}
          </Button>
        </div>
      </div>
    </form>
  );
}

function Group({
  id: name,
  title,
  description,
  children,
}: {
  /** Stable in every language: the heading's element id is made from it. */
  id: string;
  title: string;
  description?: string;
  children: ReactNode;
}) {
  const id = `admin-settings-${name}`;
  return (
    <Card>
      <section aria-labelledby={id} className="flex flex-col gap-5 p-5 sm:p-6">
        <div className="flex flex-col gap-1">
          <h2 id={id} className="font-display text-ink text-lg font-semibold tracking-tight">
            {title}
          </h2>
          {description ? <p className="text-ink-muted text-sm">{description}</p> : null}
        </div>
        {children}
      </section>
    </Card>
  );
}
