"use client";

import { CircleCheck, Save } from "lucide-react";
import { useState, type FormEvent, type ReactNode } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Switch } from "@/components/ui/switch";
import { Textarea } from "@/components/ui/textarea";
import { toast } from "@/components/ui/toast-store";
import { ApiClientError } from "@/lib/api/errors";
import { useApiMutation } from "@/lib/api/hooks";
import { apiFetch } from "@/lib/api/request";
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
  { key: "userGenerationsPerMinute", label: "Accounts", testId: "setting-rate-user" },
  { key: "supporterGenerationsPerMinute", label: "Supporters", testId: "setting-rate-supporter" },
  { key: "adminGenerationsPerMinute", label: "Admins", testId: "setting-rate-admin" },
] as const;

const REGISTRATION_LABELS: Record<RegistrationMode, { label: string; description: string }> = {
  open: { label: "Open", description: "Anyone can create an account." },
  invite: {
    label: "Invite only",
    description: "Only the invited addresses below can create an account.",
  },
  closed: { label: "Closed", description: "Nobody can create an account; members still sign in." },
};

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

function wholeNumber(text: string, field: string, errors: Record<string, string>): number {
  if (!/^\d+$/.test(text.trim())) errors[field] = "Enter a whole number (0 or more).";
  return Number(text.trim());
}

/** The draft as settings, with the errors the browser can tell before asking the server. */
function fromDraft(draft: Draft): { settings: SystemSettings; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const retention = draft.privateImageRetentionDays.trim();
  const settings: SystemSettings = {
    registration: draft.registration,
    invitedEmails: lines(draft.invitedEmails).map((email) => email.toLowerCase()),
    defaultDailyLimit: wholeNumber(draft.defaultDailyLimit, "defaultDailyLimit", errors),
    defaultMonthlyLimit: wholeNumber(draft.defaultMonthlyLimit, "defaultMonthlyLimit", errors),
    requireEmailVerification: draft.requireEmailVerification,
    privateImageRetentionDays: retention
      ? wholeNumber(retention, "privateImageRetentionDays", errors)
      : null,
    auditRetentionDays: wholeNumber(draft.auditRetentionDays, "auditRetentionDays", errors),
    maintenanceMessage: draft.maintenanceMessage.trim() || null,
    moderationPhrases: lines(draft.moderationPhrases).map((phrase) => phrase.toLowerCase()),
    userGenerationsPerMinute: wholeNumber(
      draft.userGenerationsPerMinute,
      "userGenerationsPerMinute",
      errors,
    ),
    supporterGenerationsPerMinute: wholeNumber(
      draft.supporterGenerationsPerMinute,
      "supporterGenerationsPerMinute",
      errors,
    ),
    adminGenerationsPerMinute: wholeNumber(
      draft.adminGenerationsPerMinute,
      "adminGenerationsPerMinute",
      errors,
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
        title: "Settings saved",
        description: "In force within seconds.",
      });
    },
    onError: (error) => {
      const fieldErrors = error instanceof ApiClientError ? error.fieldErrors() : {};
      setErrors(fieldErrors);
      setOutcome({
        kind: "error",
        message:
          Object.keys(fieldErrors).length > 0
            ? "Some settings need another look (marked below)."
            : error.message,
      });
    },
  });

  const update = <K extends keyof Draft>(key: K, value: Draft[K]) => {
    setDraft((current) => ({ ...current, [key]: value }));
    setOutcome(null);
  };

  function submit(event: FormEvent) {
    event.preventDefault();
    const { settings, errors: found } = fromDraft(draft);
    setErrors(found);
    if (Object.keys(found).length > 0) {
      setOutcome({ kind: "error", message: "Some settings need another look (marked below)." });
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
      <Group title="Sign-up" description="Who can create an account.">
        <fieldset className="flex flex-col gap-2" aria-describedby="registration-hint">
          <legend className="text-ink mb-2 text-sm font-medium">Registration</legend>
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
                  {REGISTRATION_LABELS[mode].label}
                </span>
                <span className="text-ink-muted text-sm">
                  {REGISTRATION_LABELS[mode].description}
                </span>
              </span>
            </label>
          ))}
          <p id="registration-hint" className="text-ink-muted text-sm">
            Admins listed in ADMIN_EMAILS can always sign up.
          </p>
        </fieldset>
        <FormField
          label="Invited addresses"
          hint={`One per line (up to ${SYSTEM_SETTING_LIMITS.invitedEmails}); used while registration is invite only.`}
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

      <Group
        title="Limits"
        description="Images a member may generate, unless an admin gave them their own limit. Admins have none."
      >
        <div className="grid gap-4 sm:grid-cols-2">
          <FormField
            label="Default daily limit"
            hint="Images per day (UTC)."
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
            label="Default monthly limit"
            hint="Images per calendar month."
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
          <legend className="text-ink text-sm font-medium">Images a minute, by role</legend>
          <p className="text-ink-muted -mt-1 text-sm">
            How fast an account may start images, to keep one person from crowding out the rest.
          </p>
          <div className="grid gap-4 sm:grid-cols-3">
            {RATE_FIELDS.map(({ key, label, testId }) => (
              <FormField
                key={key}
                label={label}
                hint={`${SYSTEM_SETTING_LIMITS.generationsPerMinute.min}–${SYSTEM_SETTING_LIMITS.generationsPerMinute.max} a minute.`}
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

      <Group title="Safety" description="Checks before anything is generated.">
        <div className="flex items-center justify-between gap-5">
          <div className="flex min-w-0 flex-col gap-0.5">
            <label htmlFor="setting-require-verification" className="text-ink text-sm font-medium">
              Require a confirmed email to generate
            </label>
            <p id="setting-require-verification-hint" className="text-ink-muted text-sm">
              Members confirm their address from the mailed link before their first image.
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
          label="Blocked phrases"
          hint={`One per line, on top of the built-in list: prompts containing one are refused. Up to ${SYSTEM_SETTING_LIMITS.moderationPhrases}, ${SYSTEM_SETTING_TEXT.moderationPhrase.min[0]}–${SYSTEM_SETTING_TEXT.moderationPhrase.max[0]} characters each.`}
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

      <Group title="Announcements and storage">
        <FormField
          label="Maintenance banner"
          hint={`Shown at the top of every page while set; leave empty for none (up to ${SYSTEM_SETTING_TEXT.maintenanceMessage.max[0]} characters).`}
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
          label="Delete private images after (days)"
          hint={`Empty keeps them. ${SYSTEM_SETTING_LIMITS.retentionDays.min}–${SYSTEM_SETTING_LIMITS.retentionDays.max} days; favorites, collections, kept and public images are never deleted; owners are told by mail and in the app seven days ahead.`}
          error={errors.privateImageRetentionDays}
        >
          <Input
            name="privateImageRetentionDays"
            inputMode="numeric"
            autoComplete="off"
            placeholder="Keep forever"
            value={draft.privateImageRetentionDays}
            onChange={(event) => update("privateImageRetentionDays", event.target.value)}
            data-testid="setting-retention-days"
          />
        </FormField>
        <FormField
          label="Delete audit log entries after (days)"
          hint={`${SYSTEM_SETTING_LIMITS.auditRetentionDays.min}–${SYSTEM_SETTING_LIMITS.auditRetentionDays.max} days; the daily job removes older entries.`}
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
              Saved {outcome.fields === 1 ? "1 change" : `${outcome.fields} changes`}; in force
              within seconds.
            </p>
          ) : outcome?.kind === "unchanged" ? (
            <p className="text-ink-muted text-sm">Nothing changed since the last save.</p>
          ) : null}
        </div>
        {outcome?.kind === "error" ? (
          <Alert variant="danger" role="alert" title="Not saved" data-testid="admin-settings-error">
            {outcome.message}
          </Alert>
        ) : null}
        <div className="flex flex-wrap gap-2">
          <Button type="submit" loading={save.isPending} data-testid="admin-settings-save">
            <Save aria-hidden="true" />
            Save settings
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
            Undo changes
          </Button>
        </div>
      </div>
    </form>
  );
}

function Group({
  title,
  description,
  children,
}: {
  title: string;
  description?: string;
  children: ReactNode;
}) {
  const id = `admin-settings-${title.toLowerCase().replace(/\W+/g, "-")}`;
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
