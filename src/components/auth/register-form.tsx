"use client";

import Link from "next/link";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { PasswordInput } from "@/components/ui/password-input";
import type { ApiClientError } from "@/lib/api/errors";
import { TEXT_RULES } from "@/shared/limits";
import { AuthFormFrame } from "./auth-form-frame";
import { useAuthForm, type AuthErrorMapping } from "./use-auth-form";
import { withNext } from "./with-next";

const FIELDS = ["name", "email", "password"] as const;
type RegisterField = (typeof FIELDS)[number];
const RULES = {
  name: TEXT_RULES.name,
  email: TEXT_RULES.email,
  password: TEXT_RULES.password,
};

function mapRegisterError(error: ApiClientError): AuthErrorMapping<RegisterField> | null {
  if (error.code === "CONFLICT") {
    return {
      fieldErrors: { email: error.message || "An account with this email already exists." },
    };
  }
  return null;
}

export function RegisterForm({ next }: { next: string | null }) {
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
      <FormField label="Name" error={fieldErrors.name}>
        <Input name="name" autoComplete="name" placeholder="Ada Lovelace" maxLength={80} />
      </FormField>
      <FormField label="Email" error={fieldErrors.email}>
        <Input
          name="email"
          type="email"
          autoComplete="email"
          inputMode="email"
          autoCapitalize="none"
          spellCheck={false}
          placeholder="you@example.com"
        />
      </FormField>
      <FormField
        label="Password"
        error={fieldErrors.password}
        hint={fieldErrors.password ? undefined : "At least 8 characters."}
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
        Create account
      </Button>
      <p className="text-ink-muted text-center text-sm">
        Already have an account?{" "}
        <Link
          href={withNext("/login", next)}
          className="text-primary font-semibold underline-offset-4 hover:underline"
        >
          Log in
        </Link>
      </p>
    </AuthFormFrame>
  );
}
