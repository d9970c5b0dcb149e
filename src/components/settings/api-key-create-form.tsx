"use client";

import { Check, Copy, Plus } from "lucide-react";
import { useTranslations } from "next-intl";
import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { toast } from "@/components/ui/toast";
import type { ApiClientError } from "@/lib/api/errors";
import { useApiMutation } from "@/lib/api/hooks";
import { apiFetch } from "@/lib/api/request";
import { useErrorMessage } from "@/lib/i18n/use-error-message";
import type { CreatedApiKey } from "@/shared/api-types";
import { checkText, MAX_ACTIVE_API_KEYS, TEXT_RULES, type ApiKeyScope } from "@/shared/limits";

/** Each scope's name and what it allows, as keys under `settings.apiKeys`. */
export const SCOPE_LABELS = {
  "images:read": { title: "scope.readTitle", description: "scope.readDescription" },
  "images:write": { title: "scope.writeTitle", description: "scope.writeDescription" },
} as const satisfies Record<ApiKeyScope, { title: string; description: string }>;

const EXPIRY_VALUES = ["30", "90", "365", "never"] as const;

type FieldErrors = Partial<Record<"name" | "scopes" | "expiresInDays", string>>;

interface CreateProblem {
  fields: FieldErrors;
  alert: { title: string; message: string } | null;
}

function problemOf(
  error: ApiClientError,
  t: ReturnType<typeof useTranslations<"settings.apiKeys">>,
  errorText: (error: unknown) => string,
): CreateProblem {
  switch (error.code) {
    case "VALIDATION_ERROR":
      return { fields: error.fieldErrors(), alert: null };
    case "CONFLICT":
      return {
        fields: {},
        alert: { title: t("problems.limitTitle"), message: errorText(error) },
      };
    case "NETWORK_ERROR":
      return {
        fields: {},
        alert: { title: t("problems.offlineTitle"), message: errorText(error) },
      };
    case "UNAUTHORIZED":
      return {
        fields: {},
        alert: { title: t("problems.sessionEndedTitle"), message: t("problems.sessionEnded") },
      };
    default:
      return { fields: {}, alert: { title: t("problems.failedTitle"), message: errorText(error) } };
  }
}

/** Name, scopes and expiry of a new key; POST /api/v1/api-keys. */
export function ApiKeyCreateForm({
  atLimit,
  onCreated,
}: {
  atLimit: boolean;
  onCreated: (created: CreatedApiKey) => void;
}) {
  const t = useTranslations("settings.apiKeys");
  const errorText = useErrorMessage();
  const [name, setName] = useState("");
  const [scopes, setScopes] = useState<ApiKeyScope[]>(["images:read"]);
  const [expiry, setExpiry] = useState<string>("90");
  const [problem, setProblem] = useState<CreateProblem>({ fields: {}, alert: null });
  const creation = useApiMutation({
    mutationFn: (body: { name: string; scopes: ApiKeyScope[]; expiresInDays: number | null }) =>
      apiFetch<CreatedApiKey>("/api/v1/api-keys", { method: "POST", json: body }),
    errorToast: false,
    onMutate: () => setProblem({ fields: {}, alert: null }),
    onSuccess: (created) => {
      setName("");
      setScopes(["images:read"]);
      setExpiry("90");
      onCreated(created);
    },
    onError: (error) => setProblem(problemOf(error, t, errorText)),
  });
  const creating = creation.isPending;
  const scopesErrorId = useId();

  function toggleScope(scope: ApiKeyScope, checked: boolean) {
    setScopes((current) =>
      checked
        ? [...current.filter((item) => item !== scope), scope]
        : current.filter((item) => item !== scope),
    );
    setProblem((current) => ({ ...current, fields: { ...current.fields, scopes: undefined } }));
  }

  function create(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    // The scope and expiry controls only offer allowed values; the name is the one free field.
    const checkedName = checkText(TEXT_RULES.apiKeyName, name);
    const fields: FieldErrors = {};
    if (!checkedName.ok) fields.name = checkedName.error;
    if (scopes.length === 0) fields.scopes = t("chooseScope");
    if (!checkedName.ok || fields.scopes) {
      setProblem({ fields, alert: null });
      return;
    }
    if (creating) return;
    creation.mutate({
      name: checkedName.value,
      scopes,
      expiresInDays: expiry === "never" ? null : Number(expiry),
    });
  }

  return (
    <form
      method="post"
      noValidate
      onSubmit={create}
      className="border-line flex flex-col gap-5 rounded-2xl border p-4 sm:p-5"
      aria-labelledby="api-key-create-title"
      data-testid="api-key-form"
    >
      <h3 id="api-key-create-title" className="text-ink text-sm font-semibold">
        {t("createTitle")}
      </h3>
      <div className="grid gap-5 sm:grid-cols-[minmax(0,1fr)_11rem]">
        <FormField
          id="api-key-name"
          label={t("name")}
          error={problem.fields.name}
          hint={t("nameHint")}
        >
          <Input
            name="name"
            value={name}
            maxLength={80}
            autoComplete="off"
            disabled={creating || atLimit}
            onChange={(event) => {
              setName(event.target.value);
              setProblem((current) => ({
                ...current,
                fields: { ...current.fields, name: undefined },
              }));
            }}
            data-testid="api-key-name"
          />
        </FormField>
        <FormField
          id="api-key-expiry"
          label={t("expiresAfter")}
          error={problem.fields.expiresInDays}
        >
          <Select
            name="expiresInDays"
            value={expiry}
            options={EXPIRY_VALUES.map((value) => ({
              value,
              label:
                value === "never"
                  ? t("expiry.never")
                  : value === "365"
                    ? t("expiry.year")
                    : t("expiry.days", { days: Number(value) }),
            }))}
            disabled={creating || atLimit}
            onChange={(event) => setExpiry(event.target.value)}
            data-testid="api-key-expiry"
          />
        </FormField>
      </div>

      <fieldset
        className="flex flex-col gap-2"
        aria-describedby={problem.fields.scopes ? scopesErrorId : undefined}
        disabled={creating || atLimit}
      >
        <legend className="text-ink mb-1.5 text-sm font-medium">{t("mayDo")}</legend>
        <div className="grid gap-2 md:grid-cols-2">
          {(Object.keys(SCOPE_LABELS) as ApiKeyScope[]).map((scope) => (
            <label
              key={scope}
              htmlFor={`api-key-scope-${scope.replace(":", "-")}`}
              className="border-line-strong hover:border-primary/40 has-checked:border-primary/50 has-checked:bg-primary-soft/40 flex cursor-pointer gap-3 rounded-2xl border p-3.5 transition-colors has-disabled:cursor-not-allowed has-disabled:opacity-60"
            >
              <input
                type="checkbox"
                id={`api-key-scope-${scope.replace(":", "-")}`}
                name="scopes"
                value={scope}
                checked={scopes.includes(scope)}
                onChange={(event) => toggleScope(scope, event.target.checked)}
                aria-invalid={problem.fields.scopes ? true : undefined}
                className="accent-primary focus-visible:outline-primary mt-0.5 size-5 shrink-0 focus-visible:outline-2 focus-visible:outline-offset-2"
                data-testid={`api-key-scope-${scope.replace(":", "-")}`}
              />
              <span className="flex min-w-0 flex-col gap-0.5">
                <span className="text-ink text-sm font-semibold">
                  {t(SCOPE_LABELS[scope].title)}{" "}
                  <code className="text-ink-muted font-mono text-xs font-normal">{scope}</code>
                </span>
                <span className="text-ink-muted text-sm">{t(SCOPE_LABELS[scope].description)}</span>
              </span>
            </label>
          ))}
        </div>
        {problem.fields.scopes ? (
          <p id={scopesErrorId} className="text-danger text-sm">
            {problem.fields.scopes}
          </p>
        ) : null}
      </fieldset>

      {problem.alert ? (
        <Alert
          variant="warning"
          role="alert"
          title={problem.alert.title}
          data-testid="api-key-error"
        >
          {problem.alert.message}
        </Alert>
      ) : null}
      {atLimit ? (
        <p className="text-ink-muted text-sm" data-testid="api-key-limit">
          {t("atLimit", { max: MAX_ACTIVE_API_KEYS })}
        </p>
      ) : null}
      <div>
        <Button
          type="submit"
          loading={creating}
          disabled={atLimit}
          className="w-full sm:w-auto"
          data-testid="api-key-create"
        >
          {creating ? null : <Plus aria-hidden="true" />}
          {creating ? t("creating") : t("create")}
        </Button>
      </div>
    </form>
  );
}

/** The new key, shown this once: a read-only field, Copy, and a clear warning. */
export function CreatedApiKeyPanel({
  created,
  onDone,
}: {
  created: CreatedApiKey;
  onDone: () => void;
}) {
  const t = useTranslations("settings.apiKeys");
  const fieldRef = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState(false);

  useEffect(() => {
    fieldRef.current?.focus();
    fieldRef.current?.select();
  }, [created.key]);

  async function copy() {
    try {
      await navigator.clipboard.writeText(created.key);
      setCopied(true);
      toast({
        variant: "success",
        title: t("copiedToast"),
        description: t("copiedToastDescription"),
      });
    } catch {
      fieldRef.current?.focus();
      fieldRef.current?.select();
      toast({
        variant: "error",
        title: t("copyFailed"),
        description: t("copyFailedDescription"),
      });
    }
  }

  return (
    <div
      role="region"
      aria-labelledby="api-key-created-title"
      className="border-success/30 bg-success-soft flex flex-col gap-4 rounded-2xl border p-4 sm:p-5"
      data-testid="api-key-created"
    >
      <div className="flex flex-col gap-1">
        <h3 id="api-key-created-title" className="text-ink text-sm font-semibold">
          {t("createdTitle", { name: created.apiKey.name })}
        </h3>
        <p className="text-ink-muted text-sm" id="api-key-created-note">
          {t.rich("createdNote", {
            strong: (chunks) => <strong className="text-ink font-semibold">{chunks}</strong>,
          })}
        </p>
      </div>
      <div className="flex flex-col gap-2 sm:flex-row">
        <label htmlFor="api-key-value" className="sr-only">
          {t("newKeyLabel")}
        </label>
        <Input
          ref={fieldRef}
          id="api-key-value"
          name="apiKey"
          readOnly
          value={created.key}
          onFocus={(event) => event.currentTarget.select()}
          aria-describedby="api-key-created-note"
          spellCheck={false}
          className="[&[readonly]]:text-ink min-w-0 flex-1 font-mono text-sm sm:text-sm"
          data-testid="api-key-value"
        />
        <Button variant="secondary" onClick={() => void copy()} data-testid="api-key-copy">
          {copied ? <Check aria-hidden="true" /> : <Copy aria-hidden="true" />}
          {copied ? t("copied") : t("copy")}
        </Button>
      </div>
      <p className="text-ink-muted text-sm">
        {t.rich("sendAs", {
          header: (chunks) => (
            <code className="bg-surface text-ink rounded-md px-1.5 py-0.5 font-mono text-xs [overflow-wrap:anywhere]">
              {chunks}
            </code>
          ),
          code: (chunks) => <code className="font-mono text-xs">{chunks}</code>,
          link: (chunks) => (
            <a
              href="/api/v1/openapi.json"
              className="text-primary decoration-primary/30 hover:decoration-primary font-semibold underline underline-offset-4"
            >
              {chunks}
            </a>
          ),
        })}
      </p>
      <div>
        <Button variant="secondary" size="sm" onClick={onDone} data-testid="api-key-done">
          {t("done")}
        </Button>
      </div>
      <p className="sr-only" role="status" aria-live="polite">
        {copied ? t("copiedStatus") : ""}
      </p>
    </div>
  );
}
