"use client";

import { Check, Copy, Plus } from "lucide-react";
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
import type { CreatedApiKey } from "@/shared/api-types";
import { checkText, MAX_ACTIVE_API_KEYS, TEXT_RULES, type ApiKeyScope } from "@/shared/limits";

export const SCOPE_LABELS: Record<ApiKeyScope, { title: string; description: string }> = {
  "images:read": {
    title: "Read images",
    description: "List, search and download your images and collections.",
  },
  "images:write": {
    title: "Create and change images",
    description:
      "Generate and edit images (spends your quota), change tags and visibility, manage collections, delete images.",
  },
};

const EXPIRY_OPTIONS = [
  { value: "30", label: "30 days" },
  { value: "90", label: "90 days" },
  { value: "365", label: "1 year" },
  { value: "never", label: "Never" },
] as const;

type FieldErrors = Partial<Record<"name" | "scopes" | "expiresInDays", string>>;

interface CreateProblem {
  fields: FieldErrors;
  alert: { title: string; message: string } | null;
}

function problemOf(error: ApiClientError): CreateProblem {
  switch (error.code) {
    case "VALIDATION_ERROR":
      return { fields: error.fieldErrors(), alert: null };
    case "CONFLICT":
      return {
        fields: {},
        alert: { title: "You have the most keys allowed", message: error.message },
      };
    case "NETWORK_ERROR":
      return { fields: {}, alert: { title: "You seem to be offline", message: error.message } };
    case "UNAUTHORIZED":
      return {
        fields: {},
        alert: { title: "Your session has ended", message: "Log in again, then create the key." },
      };
    default:
      return { fields: {}, alert: { title: "Couldn't create the key", message: error.message } };
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
    onError: (error) => setProblem(problemOf(error)),
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
    if (scopes.length === 0) fields.scopes = "Choose at least one scope.";
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
        Create a key
      </h3>
      <div className="grid gap-5 sm:grid-cols-[minmax(0,1fr)_11rem]">
        <FormField
          id="api-key-name"
          label="Name"
          error={problem.fields.name}
          hint="What will use it, e.g. “Nightly backup”."
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
        <FormField id="api-key-expiry" label="Expires after" error={problem.fields.expiresInDays}>
          <Select
            name="expiresInDays"
            value={expiry}
            options={EXPIRY_OPTIONS}
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
        <legend className="text-ink mb-1.5 text-sm font-medium">What it may do</legend>
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
                  {SCOPE_LABELS[scope].title}{" "}
                  <code className="text-ink-muted font-mono text-xs font-normal">{scope}</code>
                </span>
                <span className="text-ink-muted text-sm">{SCOPE_LABELS[scope].description}</span>
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
          You have {MAX_ACTIVE_API_KEYS} keys, the most allowed. Revoke one you no longer use to
          create another.
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
          {creating ? "Creating…" : "Create key"}
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
        title: "API key copied",
        description: "Paste it where your script keeps secrets.",
      });
    } catch {
      fieldRef.current?.focus();
      fieldRef.current?.select();
      toast({
        variant: "error",
        title: "Couldn't copy automatically",
        description: "The key is selected: press Ctrl+C (or ⌘C) to copy it.",
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
          Copy your new key “{created.apiKey.name}” now
        </h3>
        <p className="text-ink-muted text-sm" id="api-key-created-note">
          <strong className="text-ink font-semibold">You won&apos;t see it again.</strong> The
          studio keeps only a fingerprint of it, so if you lose it, revoke it and create another.
        </p>
      </div>
      <div className="flex flex-col gap-2 sm:flex-row">
        <label htmlFor="api-key-value" className="sr-only">
          Your new API key
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
          {copied ? "Copied" : "Copy"}
        </Button>
      </div>
      <p className="text-ink-muted text-sm">
        Send it as{" "}
        <code className="bg-surface text-ink rounded-md px-1.5 py-0.5 font-mono text-xs [overflow-wrap:anywhere]">
          Authorization: Bearer ais_…
        </code>{" "}
        to <code className="font-mono text-xs">/api/v1</code>; the endpoints are in the{" "}
        <a
          href="/api/v1/openapi.json"
          className="text-primary decoration-primary/30 hover:decoration-primary font-semibold underline underline-offset-4"
        >
          OpenAPI document
        </a>
        .
      </p>
      <div>
        <Button variant="secondary" size="sm" onClick={onDone} data-testid="api-key-done">
          I&apos;ve saved it
        </Button>
      </div>
      <p className="sr-only" role="status" aria-live="polite">
        {copied ? "Copied to the clipboard." : ""}
      </p>
    </div>
  );
}
