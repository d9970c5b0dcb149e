"use client";

import { useQueryClient } from "@tanstack/react-query";
import {
  ArrowDown,
  ArrowUp,
  CircleCheck,
  Cloud,
  CreditCard,
  ExternalLink,
  Gift,
  KeyRound,
  Route,
  Trash2,
} from "lucide-react";
import { useFormatter, useTranslations } from "next-intl";
import { useState, type FormEvent, type ReactNode } from "react";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { PasswordInput } from "@/components/ui/password-input";
import { Spinner } from "@/components/ui/spinner";
import { toast } from "@/components/ui/toast-store";
import type { ApiClientError } from "@/lib/api/errors";
import { useApiMutation, useApiQuery } from "@/lib/api/hooks";
import { queryKeys } from "@/lib/api/query-keys";
import { apiFetch } from "@/lib/api/request";
import { useErrorMessage } from "@/lib/i18n/use-error-message";
import type { Profile, ProviderKeyInfo, Settings } from "@/shared/api-types";
import { checkText, KEY_PROVIDERS, TEXT_RULES, type KeyProvider } from "@/shared/limits";
import { SettingsSection } from "./settings-section";

/** Names, not translated. */
const PROVIDER_LABELS: Record<KeyProvider, string> = {
  gemini: "Gemini (Google)",
  cloudflare: "Cloudflare Workers AI",
};
const CLOUDFLARE_TOKENS_URL = "https://dash.cloudflare.com/profile/api-tokens";
const CLOUDFLARE_PRICING_URL = "https://developers.cloudflare.com/workers-ai/platform/pricing/";

function ExternalLinkText({ href, children }: { href: string; children: ReactNode }) {
  const t = useTranslations("settings.providerKey");
  return (
    <a
      href={href}
      target="_blank"
      rel="noopener noreferrer"
      className="text-primary decoration-primary/30 hover:decoration-primary inline-flex items-center gap-1 font-semibold underline underline-offset-4"
    >
      {children}
      <ExternalLink aria-hidden="true" className="size-3.5" />
      <span className="sr-only">{t("opensInNewTab")}</span>
    </a>
  );
}

/** What each provider costs the person, in plain words (the truth the landing page also tells). */
function CostTruth() {
  const t = useTranslations("settings.providers");
  return (
    <div className="grid gap-3 md:grid-cols-2" data-testid="provider-cost-truth">
      <div className="border-success/30 bg-success-soft flex gap-3 rounded-2xl border p-4">
        <Gift aria-hidden="true" className="text-success mt-0.5 size-5 shrink-0" />
        <div className="flex flex-col gap-1">
          <h3 className="text-ink text-sm font-semibold">{t("cloudflareFreeTitle")}</h3>
          <p className="text-ink-muted text-sm">
            {t.rich("cloudflareFree", {
              link: (chunks) => (
                <ExternalLinkText href={CLOUDFLARE_PRICING_URL}>{chunks}</ExternalLinkText>
              ),
            })}
          </p>
        </div>
      </div>
      <div className="border-line flex gap-3 rounded-2xl border p-4">
        <CreditCard aria-hidden="true" className="text-primary mt-0.5 size-5 shrink-0" />
        <div className="flex flex-col gap-1">
          <h3 className="text-ink text-sm font-semibold">{t("geminiBillingTitle")}</h3>
          <p className="text-ink-muted text-sm">{t("geminiBilling")}</p>
        </div>
      </div>
    </div>
  );
}

function saveProblemOf(
  error: ApiClientError,
  t: ReturnType<typeof useTranslations<"settings.providers">>,
  errorText: (error: unknown) => string,
): { field: string | null; alert: string | null } {
  // What to check on Cloudflare's side, not only that the key was refused.
  if (error.code === "PROVIDER_KEY_INVALID") return { field: t("tokenRejected"), alert: null };
  if (error.code === "VALIDATION_ERROR") {
    const fields = error.fieldErrors();
    return { field: fields.apiKey ?? fields.accountId ?? errorText(error), alert: null };
  }
  return { field: null, alert: t("tokenNotSaved", { message: errorText(error) }) };
}

function CloudflareKeyForm({
  onSaved,
  onCancel,
}: {
  onSaved: (info: ProviderKeyInfo) => void;
  onCancel: (() => void) | null;
}) {
  const t = useTranslations("settings.providers");
  const errorText = useErrorMessage();
  const [accountId, setAccountId] = useState("");
  const [apiToken, setApiToken] = useState("");
  const [errors, setErrors] = useState<{ accountId?: string; apiToken?: string; alert?: string }>(
    {},
  );
  const save = useApiMutation({
    mutationFn: (body: { accountId: string; apiKey: string }) =>
      apiFetch<ProviderKeyInfo>("/api/v1/settings/provider-key", {
        method: "PUT",
        json: { provider: "cloudflare", ...body },
      }),
    errorToast: false,
    onMutate: () => setErrors({}),
    onSuccess: (info) => {
      setApiToken("");
      setAccountId("");
      onSaved(info);
    },
    onError: (error) => {
      const problem = saveProblemOf(error, t, errorText);
      setErrors({ apiToken: problem.field ?? undefined, alert: problem.alert ?? undefined });
    },
  });
  const checking = save.isPending;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const account = checkText(TEXT_RULES.cloudflareAccountId, accountId);
    const token = checkText(TEXT_RULES.cloudflareToken, apiToken);
    if (!account.ok || !token.ok) {
      setErrors({
        accountId: account.ok ? undefined : account.error,
        apiToken: token.ok ? undefined : token.error,
      });
      return;
    }
    if (!checking) save.mutate({ accountId: account.value, apiKey: token.value });
  }

  return (
    <form
      method="post"
      noValidate
      onSubmit={submit}
      className="flex flex-col gap-4"
      data-testid="cloudflare-key-form"
    >
      <ol className="text-ink-muted flex list-decimal flex-col gap-1 pl-5 text-sm">
        <li>{t.rich("steps.accountId", { strong: (chunks) => <strong>{chunks}</strong> })}</li>
        <li>
          {t.rich("steps.token", {
            strong: (chunks) => <strong>{chunks}</strong>,
            link: (chunks) => (
              <ExternalLinkText href={CLOUDFLARE_TOKENS_URL}>{chunks}</ExternalLinkText>
            ),
          })}
        </li>
        <li>{t("steps.paste")}</li>
      </ol>
      <div className="grid gap-4 md:grid-cols-2">
        <FormField id="cloudflare-account-input" label={t("accountId")} error={errors.accountId}>
          <Input
            name="accountId"
            value={accountId}
            onChange={(event) => {
              setAccountId(event.target.value);
              setErrors((current) => ({ ...current, accountId: undefined }));
            }}
            placeholder={t("accountIdPlaceholder")}
            autoComplete="off"
            spellCheck={false}
            disabled={checking}
            className="font-mono"
            data-testid="cloudflare-account-input"
          />
        </FormField>
        <FormField id="cloudflare-token-input" label={t("apiToken")} error={errors.apiToken}>
          <PasswordInput
            name="apiToken"
            value={apiToken}
            onChange={(event) => {
              setApiToken(event.target.value);
              setErrors((current) => ({ ...current, apiToken: undefined }));
            }}
            autoComplete="off"
            disabled={checking}
            data-testid="cloudflare-token-input"
          />
        </FormField>
      </div>
      {errors.alert ? (
        <Alert
          variant="warning"
          role="alert"
          title={t("checkFailed")}
          data-testid="cloudflare-key-error"
        >
          {errors.alert}
        </Alert>
      ) : null}
      <div className="flex flex-col gap-2 sm:flex-row">
        <Button type="submit" loading={checking} data-testid="cloudflare-key-save">
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

function CloudflareKey({
  saved,
  onChange,
}: {
  saved: ProviderKeyInfo | null;
  onChange: (info: ProviderKeyInfo | null) => void;
}) {
  const t = useTranslations("settings.providers");
  const format = useFormatter();
  const [replacing, setReplacing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const removal = useApiMutation({
    mutationFn: () =>
      apiFetch<unknown>("/api/v1/settings/provider-key?provider=cloudflare", { method: "DELETE" }),
    errorToast: t("removeFailed"),
    onSuccess: () => {
      setConfirming(false);
      onChange(null);
      toast({ title: t("removedToast"), description: t("removedToastDescription") });
    },
  });

  return (
    <div className="flex flex-col gap-4">
      <h3 className="text-ink flex items-center gap-2 text-sm font-semibold">
        <Cloud aria-hidden="true" className="text-primary size-4" />
        {t("cloudflareAccount")}
      </h3>
      {saved && !replacing ? (
        <div
          className="border-success/30 bg-success-soft flex flex-col gap-3 rounded-2xl border p-4 sm:flex-row sm:items-center"
          data-testid="cloudflare-key-status"
          data-state="saved"
        >
          <div className="flex min-w-0 flex-1 items-center gap-3">
            <CircleCheck aria-hidden="true" className="text-success size-5 shrink-0" />
            <div className="flex min-w-0 flex-col">
              <p className="text-ink text-sm font-semibold">
                {t.rich("endingIn", {
                  last4: saved.last4,
                  digits: (chunks) => (
                    <span className="font-mono tracking-wider" data-testid="cloudflare-key-last4">
                      {chunks}
                    </span>
                  ),
                })}
              </p>
              <p className="text-ink-muted text-sm">
                {t("checkedOn", {
                  date: format.dateTime(new Date(saved.validatedAt), { dateStyle: "long" }),
                })}
              </p>
            </div>
          </div>
          {confirming ? (
            <div
              className="flex flex-col gap-2 sm:flex-row"
              role="group"
              aria-label={t("removeGroup")}
            >
              <Button
                variant="danger"
                size="sm"
                loading={removal.isPending}
                onClick={() => removal.mutate()}
                data-testid="cloudflare-key-remove-confirm"
              >
                {t("removeToken")}
              </Button>
              <Button variant="ghost" size="sm" onClick={() => setConfirming(false)}>
                {t("cancel")}
              </Button>
            </div>
          ) : (
            <div className="grid grid-cols-2 gap-2 sm:flex">
              <Button variant="secondary" size="sm" onClick={() => setReplacing(true)}>
                {t("replace")}
              </Button>
              <Button
                variant="secondary"
                size="sm"
                onClick={() => setConfirming(true)}
                data-testid="cloudflare-key-remove"
              >
                <Trash2 aria-hidden="true" />
                {t("remove")}
              </Button>
            </div>
          )}
        </div>
      ) : (
        <CloudflareKeyForm
          onCancel={replacing ? () => setReplacing(false) : null}
          onSaved={(info) => {
            setReplacing(false);
            onChange(info);
            toast({
              variant: "success",
              title: t("savedToast"),
              description: t("savedToastDescription", { last4: info.last4 }),
            });
          }}
        />
      )}
    </div>
  );
}

type ProviderPatch = Pick<Settings, "defaultProvider"> | Pick<Settings, "fallbackOrder">;

/** The user's default provider and fallback order (PATCH /settings on each change). */
function ProviderOrder({
  settings,
  onSaved,
}: {
  settings: Settings;
  onSaved: (saved: Settings) => void;
}) {
  const t = useTranslations("settings.providers");
  const tView = useTranslations("settings.view");
  const [defaultProvider, setDefaultProvider] = useState(settings.defaultProvider);
  const [fallbackOrder, setFallbackOrder] = useState(settings.fallbackOrder);
  const change = useApiMutation<Settings, ProviderPatch>({
    mutationFn: (patch) => apiFetch<Settings>("/api/v1/settings", { method: "PATCH", json: patch }),
    onSuccess: (saved) => {
      setDefaultProvider(saved.defaultProvider);
      setFallbackOrder(saved.fallbackOrder);
      onSaved(saved);
      toast({ variant: "success", title: t("orderSaved") });
    },
    onError: () => {
      setDefaultProvider(settings.defaultProvider);
      setFallbackOrder(settings.fallbackOrder);
    },
    errorToast: t("orderFailed"),
  });
  // The Gemini key is saved in the section above, which updates the cached profile.
  const profile = useApiQuery<Profile>(queryKeys.profile, "/api/v1/auth/profile");
  const held = new Set(
    (profile.data?.settings.providers ?? settings.providers).map((key) => key.provider),
  );
  // The providers after the default, those in the fallback order first, in its order.
  const others = [
    ...fallbackOrder.filter((provider) => provider !== defaultProvider),
    ...KEY_PROVIDERS.filter(
      (provider) => provider !== defaultProvider && !fallbackOrder.includes(provider),
    ),
  ];

  function chooseDefault(provider: KeyProvider) {
    setDefaultProvider(provider);
    change.mutate({ defaultProvider: provider });
  }
  function saveOrder(next: KeyProvider[]) {
    setFallbackOrder(next);
    change.mutate({ fallbackOrder: next });
  }
  function toggle(provider: KeyProvider, on: boolean) {
    const enabled = others.filter((item) =>
      item === provider ? on : fallbackOrder.includes(item),
    );
    saveOrder(enabled);
  }
  function move(provider: KeyProvider, by: -1 | 1) {
    const list = [...others];
    const from = list.indexOf(provider);
    const to = from + by;
    if (to < 0 || to >= list.length) return;
    list.splice(from, 1);
    list.splice(to, 0, provider);
    saveOrder(list.filter((item) => fallbackOrder.includes(item)));
  }

  return (
    <div className="flex flex-col gap-5">
      <fieldset className="flex flex-col gap-2" data-testid="default-provider">
        <legend className="text-ink mb-2 flex items-center gap-2 text-sm font-semibold">
          {t("defaultProvider")}
          {change.isPending ? <Spinner label={tView("saving")} className="text-primary" /> : null}
        </legend>
        <div className="grid gap-2 sm:grid-cols-2">
          {KEY_PROVIDERS.map((provider) => (
            <label
              key={provider}
              htmlFor={`default-provider-${provider}`}
              className="border-line has-[:checked]:border-primary has-[:checked]:bg-primary-soft/40 has-[:focus-visible]:ring-primary flex cursor-pointer items-start gap-3 rounded-xl border p-3 has-[:focus-visible]:ring-2"
            >
              <input
                id={`default-provider-${provider}`}
                type="radio"
                name="defaultProvider"
                value={provider}
                checked={defaultProvider === provider}
                onChange={() => chooseDefault(provider)}
                className="accent-primary mt-1"
                data-testid={`default-provider-${provider}`}
              />
              <span className="flex flex-col">
                <span className="text-ink text-sm font-semibold">{PROVIDER_LABELS[provider]}</span>
                <span className="text-ink-muted text-xs">
                  {held.has(provider) ? t("keySaved") : t("noKeyYet")}{" "}
                  {provider === "cloudflare" ? t("freeDaily") : t("needsBilling")}
                </span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      <div className="flex flex-col gap-2">
        <h3 className="text-ink flex items-center gap-2 text-sm font-semibold">
          <Route aria-hidden="true" className="text-primary size-4" />
          {t("fallbackTitle")}
        </h3>
        <p className="text-ink-muted text-sm" id="fallback-description">
          {t("fallbackDescription")}
        </p>
        <ol className="flex flex-col gap-2" aria-describedby="fallback-description">
          {others.map((provider, index) => {
            const on = fallbackOrder.includes(provider);
            return (
              <li
                key={provider}
                className="border-line flex items-center gap-3 rounded-xl border p-3"
                data-testid={`fallback-${provider}`}
              >
                <input
                  id={`fallback-${provider}-on`}
                  name={`fallback-${provider}`}
                  type="checkbox"
                  checked={on}
                  onChange={(event) => toggle(provider, event.target.checked)}
                  className="accent-primary size-4"
                  data-testid={`fallback-${provider}-toggle`}
                />
                <label
                  htmlFor={`fallback-${provider}-on`}
                  className="text-ink min-w-0 flex-1 text-sm"
                >
                  {t("then", { provider: PROVIDER_LABELS[provider] })}
                </label>
                <Button
                  variant="ghost"
                  size="sm"
                  disabled={index === 0 || !on}
                  onClick={() => move(provider, -1)}
                  aria-label={t("moveUp", { provider: PROVIDER_LABELS[provider] })}
                >
                  <ArrowUp aria-hidden="true" />
                </Button>
                <Button
                  variant="ghost"
                  size="sm"
                  disabled={index === others.length - 1 || !on}
                  onClick={() => move(provider, 1)}
                  aria-label={t("moveDown", { provider: PROVIDER_LABELS[provider] })}
                >
                  <ArrowDown aria-hidden="true" />
                </Button>
              </li>
            );
          })}
        </ol>
        <p className="text-ink-subtle text-xs">{t("studioKeysLast")}</p>
      </div>
    </div>
  );
}

/** Which image providers the person uses: their Cloudflare account, default and fallback order. */
export function ImageProvidersSection({ settings }: { settings: Settings }) {
  const t = useTranslations("settings.providers");
  const queryClient = useQueryClient();
  const [current, setCurrent] = useState(settings);
  const cloudflare = current.providers.find((key) => key.provider === "cloudflare") ?? null;

  function remember(next: Settings) {
    setCurrent(next);
    queryClient.setQueryData<Settings>(queryKeys.settings, next);
    queryClient.setQueryData<Profile>(queryKeys.profile, (profile) =>
      profile ? { ...profile, settings: next } : profile,
    );
  }

  return (
    <SettingsSection
      id="image-providers"
      icon={Cloud}
      title={t("title")}
      aside={
        cloudflare ? (
          <Badge variant="success">{t("cloudflareSaved")}</Badge>
        ) : (
          <Badge variant="neutral">{t("cloudflareNotSet")}</Badge>
        )
      }
      description={t("description")}
      testId="settings-image-providers"
    >
      <div className="flex flex-col gap-6">
        <CostTruth />
        <CloudflareKey
          saved={cloudflare}
          onChange={(info) => {
            // The cached profile also knows of a Gemini key saved above since this section drew.
            const known =
              queryClient.getQueryData<Profile>(queryKeys.profile)?.settings.providers ??
              current.providers;
            remember({
              ...current,
              providers: [
                ...known.filter((key) => key.provider !== "cloudflare"),
                ...(info ? [info] : []),
              ],
            });
          }}
        />
        <ProviderOrder
          key={cloudflare?.validatedAt ?? "none"}
          settings={current}
          onSaved={remember}
        />
      </div>
    </SettingsSection>
  );
}
