"use client";

import {
  CircleCheck,
  CreditCard,
  ExternalLink,
  FlaskConical,
  KeyRound,
  RefreshCw,
  ShieldCheck,
  Trash2,
} from "lucide-react";
import { useQueryClient } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { useState, type FormEvent, type ReactNode } from "react";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import {
  Dialog,
  DialogClose,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
} from "@/components/ui/dialog";
import { FormField } from "@/components/ui/form-field";
import { PasswordInput } from "@/components/ui/password-input";
import { toast } from "@/components/ui/toast";
import type { ApiClientError } from "@/lib/api/errors";
import { useApiMutation } from "@/lib/api/hooks";
import { queryKeys } from "@/lib/api/query-keys";
import { apiFetch } from "@/lib/api/request";
import { useErrorMessage } from "@/lib/i18n/use-error-message";
import type { Profile, ProviderKeyInfo } from "@/shared/api-types";
import { checkText, TEXT_RULES } from "@/shared/limits";
import { SettingsSection } from "./settings-section";

const AI_STUDIO_KEY_URL = "https://aistudio.google.com/apikey";
const PRICING_URL = "https://ai.google.dev/gemini-api/docs/pricing";

function ExternalLinkText({
  href,
  children,
  testId,
}: {
  href: string;
  children: ReactNode;
  testId?: string;
}) {
  const t = useTranslations("settings.providerKey");
  return (
    <a
      href={href}
      target="_blank"
      rel="noopener noreferrer"
      className="text-primary decoration-primary/30 hover:decoration-primary inline-flex items-center gap-1 font-semibold underline underline-offset-4"
      data-testid={testId}
    >
      {children}
      <ExternalLink aria-hidden="true" className="size-3.5" />
      <span className="sr-only">{t("opensInNewTab")}</span>
    </a>
  );
}

const STEPS = ["open", "create", "billing", "paste"] as const;

/** What went wrong while saving: on the field (the key itself) or beside the form (Google, network). */
interface SaveProblem {
  field: string | null;
  alert: { title: string; message: string } | null;
}

function problemOf(
  error: ApiClientError,
  t: ReturnType<typeof useTranslations<"settings.providerKey">>,
  errorText: (error: unknown) => string,
): SaveProblem {
  switch (error.code) {
    case "PROVIDER_KEY_INVALID":
      return { field: errorText(error), alert: null };
    case "VALIDATION_ERROR":
      return { field: error.fieldErrors().apiKey ?? errorText(error), alert: null };
    case "PROVIDER_ERROR":
      return {
        field: null,
        alert: {
          title: t("problems.providerTitle"),
          message: t("problems.providerMessage", { message: errorText(error) }),
        },
      };
    case "RATE_LIMITED":
      return {
        field: null,
        alert: { title: t("problems.rateLimitedTitle"), message: errorText(error) },
      };
    case "NETWORK_ERROR":
      return {
        field: null,
        alert: { title: t("problems.offlineTitle"), message: errorText(error) },
      };
    case "UNAUTHORIZED":
      return {
        field: null,
        alert: { title: t("problems.sessionEndedTitle"), message: t("problems.sessionEnded") },
      };
    default:
      return {
        field: null,
        alert: { title: t("problems.failedTitle"), message: errorText(error) },
      };
  }
}

function SavedKey({
  providerKey,
  onReplace,
  onRemove,
}: {
  providerKey: ProviderKeyInfo;
  onReplace: () => void;
  onRemove: () => void;
}) {
  const t = useTranslations("settings.providerKey");
  const format = useFormatter();
  return (
    <div
      className="border-success/30 bg-success-soft flex flex-col gap-4 rounded-2xl border p-4 sm:flex-row sm:items-center"
      data-testid="provider-key-status"
      data-state="saved"
    >
      <div className="flex min-w-0 flex-1 items-center gap-3">
        <span className="bg-surface text-success flex size-10 shrink-0 items-center justify-center rounded-full">
          <CircleCheck aria-hidden="true" className="size-5" />
        </span>
        <div className="flex min-w-0 flex-col">
          <p className="text-ink text-sm font-semibold">
            {t.rich("endingIn", {
              last4: providerKey.last4,
              digits: (chunks) => (
                <span className="font-mono tracking-wider" data-testid="provider-key-last4">
                  {chunks}
                </span>
              ),
            })}
          </p>
          <p className="text-ink-muted text-sm">
            {t("checkedOn", {
              date: format.dateTime(new Date(providerKey.validatedAt), { dateStyle: "long" }),
            })}
          </p>
        </div>
      </div>
      <div className="grid grid-cols-2 gap-2 sm:flex">
        <Button
          variant="secondary"
          size="sm"
          onClick={onReplace}
          data-testid="provider-key-replace"
        >
          <RefreshCw aria-hidden="true" />
          {t("replace")}
        </Button>
        <Button variant="secondary" size="sm" onClick={onRemove} data-testid="provider-key-remove">
          <Trash2 aria-hidden="true" />
          {t("remove")}
        </Button>
      </div>
    </div>
  );
}

function KeyForm({
  replacing,
  onSaved,
  onCancel,
}: {
  replacing: boolean;
  onSaved: (info: ProviderKeyInfo) => void;
  onCancel: (() => void) | null;
}) {
  const t = useTranslations("settings.providerKey");
  const errorText = useErrorMessage();
  const [apiKey, setApiKey] = useState("");
  const [problem, setProblem] = useState<SaveProblem>({ field: null, alert: null });
  const saveKey = useApiMutation({
    mutationFn: (key: string) =>
      apiFetch<ProviderKeyInfo>("/api/v1/settings/provider-key", {
        method: "PUT",
        json: { provider: "gemini", apiKey: key },
      }),
    errorToast: false,
    onMutate: () => setProblem({ field: null, alert: null }),
    onSuccess: (info) => {
      setApiKey("");
      onSaved(info);
    },
    onError: (error) => setProblem(problemOf(error, t, errorText)),
  });
  const checking = saveKey.isPending;

  function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const checked = checkText(TEXT_RULES.providerKey, apiKey);
    if (!checked.ok) {
      setProblem({ field: checked.error, alert: null });
      return;
    }
    if (!checking) saveKey.mutate(checked.value);
  }

  return (
    <form
      method="post"
      noValidate
      onSubmit={save}
      className="flex flex-col gap-4"
      data-testid="provider-key-form"
    >
      <FormField
        id="provider-key-input"
        label={replacing ? t("newKeyLabel") : t("keyLabel")}
        error={problem.field}
        hint={t("keyHint")}
      >
        <PasswordInput
          name="apiKey"
          value={apiKey}
          onChange={(event) => {
            setApiKey(event.target.value);
            setProblem((current) => ({ ...current, field: null }));
          }}
          placeholder="AIza…"
          autoComplete="off"
          disabled={checking}
          data-testid="provider-key-input"
        />
      </FormField>
      {problem.alert ? (
        <Alert
          variant="warning"
          role="alert"
          title={problem.alert.title}
          data-testid="provider-key-error"
        >
          {problem.alert.message}
        </Alert>
      ) : null}
      <div className="flex flex-col gap-2 sm:flex-row">
        <Button type="submit" loading={checking} data-testid="provider-key-save">
          {checking ? null : <KeyRound aria-hidden="true" />}
          {checking ? t("checking") : t("save")}
        </Button>
        {onCancel ? (
          <Button variant="ghost" onClick={onCancel} disabled={checking}>
            {t("keepCurrent")}
          </Button>
        ) : null}
      </div>
      <p className="sr-only" role="status" aria-live="polite">
        {checking ? t("checkingStatus") : ""}
      </p>
    </form>
  );
}

function RemoveKeyDialog({
  open,
  onOpenChange,
  onRemoved,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onRemoved: () => void;
}) {
  const t = useTranslations("settings.providerKey");
  const errorText = useErrorMessage();
  const removal = useApiMutation({
    mutationFn: () => apiFetch<unknown>("/api/v1/settings/provider-key", { method: "DELETE" }),
    errorToast: false,
    onSuccess: () => onRemoved(),
  });
  const removing = removal.isPending;
  const error = removal.error ? errorText(removal.error) : null;

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        if (!removing) onOpenChange(next);
        if (!next) removal.reset();
      }}
    >
      <DialogContent data-testid="provider-key-remove-dialog">
        <DialogHeader>
          <DialogTitle>{t("removeTitle")}</DialogTitle>
          <DialogDescription>{t("removeDescription")}</DialogDescription>
        </DialogHeader>
        {error ? (
          <Alert variant="danger" role="alert" title={t("removeFailed")}>
            {error}
          </Alert>
        ) : null}
        <DialogFooter>
          <DialogClose asChild>
            <Button variant="secondary" disabled={removing}>
              {t("cancel")}
            </Button>
          </DialogClose>
          <Button
            variant="danger"
            loading={removing}
            onClick={() => removal.mutate()}
            data-testid="provider-key-remove-confirm"
          >
            {removing ? null : <Trash2 aria-hidden="true" />}
            {t("removeKey")}
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}

function Guidance() {
  const t = useTranslations("settings.providerKey");
  return (
    <div className="flex flex-col gap-4">
      <div className="border-line bg-surface-raised/50 flex flex-col gap-3 rounded-2xl border p-4 sm:p-5">
        <h3 className="text-ink text-sm font-semibold">{t("guideTitle")}</h3>
        <ol className="text-ink-muted grid gap-x-6 gap-y-2.5 text-sm md:grid-cols-2">
          {STEPS.map((step, index) => (
            <li key={step} className="flex gap-3">
              <span className="bg-primary-soft text-primary-soft-ink flex size-6 shrink-0 items-center justify-center rounded-full text-xs font-bold">
                {index + 1}
              </span>
              <span className="pt-0.5">
                {t.rich(`steps.${step}`, {
                  link: (chunks) => (
                    <ExternalLinkText href={AI_STUDIO_KEY_URL} testId="ai-studio-link">
                      {chunks}
                    </ExternalLinkText>
                  ),
                })}
              </span>
            </li>
          ))}
        </ol>
      </div>
      <div className="grid gap-4 md:grid-cols-2">
        <GuidanceNote icon={CreditCard} title={t("billingTitle")}>
          {t.rich("billing", {
            link: (chunks) => <ExternalLinkText href={PRICING_URL}>{chunks}</ExternalLinkText>,
          })}
        </GuidanceNote>
        <GuidanceNote icon={ShieldCheck} title={t("encryptedTitle")}>
          {t("encrypted")}
        </GuidanceNote>
      </div>
    </div>
  );
}

function GuidanceNote({
  icon: Icon,
  title,
  children,
}: {
  icon: typeof CreditCard;
  title: string;
  children: ReactNode;
}) {
  return (
    <div className="border-line flex gap-3 rounded-2xl border p-4">
      <Icon aria-hidden="true" className="text-primary mt-0.5 size-5 shrink-0" />
      <div className="flex flex-col gap-1">
        <h3 className="text-ink text-sm font-semibold">{title}</h3>
        <p className="text-ink-muted text-sm">{children}</p>
      </div>
    </div>
  );
}

/** The user's own Gemini key: add (checked with Google first), replace or remove it. */
export function ProviderKeySection({
  providerKey: initialKey,
}: {
  providerKey: ProviderKeyInfo | null;
}) {
  const t = useTranslations("settings.providerKey");
  const [providerKey, setKeyState] = useState(initialKey);
  const [replacing, setReplacing] = useState(false);
  const queryClient = useQueryClient();
  // The cached profile follows, so that Image providers (its settings.providers) agrees.
  function setProviderKey(info: ProviderKeyInfo | null) {
    setKeyState(info);
    queryClient.setQueryData<Profile>(queryKeys.profile, (profile) =>
      profile
        ? {
            ...profile,
            providerKey: info,
            settings: {
              ...profile.settings,
              providers: [
                ...(info ? [info] : []),
                ...profile.settings.providers.filter((key) => key.provider !== "gemini"),
              ],
            },
          }
        : profile,
    );
  }
  const [confirmingRemoval, setConfirmingRemoval] = useState(false);
  const showForm = providerKey === null || replacing;

  return (
    <SettingsSection
      id="gemini-key"
      icon={KeyRound}
      title={t("title")}
      aside={
        providerKey ? (
          <Badge variant="success">{t("saved")}</Badge>
        ) : (
          <Badge variant="neutral">{t("notSet")}</Badge>
        )
      }
      description={t("description")}
      testId="settings-provider-key"
    >
      <div className="flex flex-col gap-6">
        {providerKey && !replacing ? (
          <SavedKey
            providerKey={providerKey}
            onReplace={() => setReplacing(true)}
            onRemove={() => setConfirmingRemoval(true)}
          />
        ) : null}

        {providerKey === null ? (
          <div
            className="border-line-strong bg-surface-raised/50 flex items-start gap-3 rounded-2xl border border-dashed p-4"
            data-testid="provider-key-status"
            data-state="missing"
          >
            <span className="bg-surface-sunken text-ink-subtle flex size-9 shrink-0 items-center justify-center rounded-full">
              <FlaskConical aria-hidden="true" className="size-4" />
            </span>
            <div className="flex flex-col gap-0.5">
              <p className="text-ink text-sm font-semibold">{t("noKey")}</p>
              <p className="text-ink-muted text-sm">{t("noKeyDescription")}</p>
            </div>
          </div>
        ) : null}

        {showForm ? (
          <KeyForm
            replacing={replacing}
            onCancel={replacing ? () => setReplacing(false) : null}
            onSaved={(info) => {
              setProviderKey(info);
              setReplacing(false);
              toast({
                variant: "success",
                title: t("savedToast"),
                description: t("savedToastDescription", { last4: info.last4 }),
              });
            }}
          />
        ) : null}

        <Guidance />
      </div>

      <RemoveKeyDialog
        open={confirmingRemoval}
        onOpenChange={setConfirmingRemoval}
        onRemoved={() => {
          setConfirmingRemoval(false);
          setProviderKey(null);
          setReplacing(false);
          toast({ title: t("removedToast"), description: t("removedToastDescription") });
        }}
      />
    </SettingsSection>
  );
}
