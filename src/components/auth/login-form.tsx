"use client";

import Link from "next/link";
import { FormField } from "@/components/ui/form-field";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { PasswordInput } from "@/components/ui/password-input";
import type { ApiClientError } from "@/lib/api/errors";
import { TEXT_RULES } from "@/shared/limits";
import { withNext } from "./with-next";
import { AuthFormFrame } from "./auth-form-frame";
import { useAuthForm, type AuthErrorMapping } from "./use-auth-form";

const FIELDS = ["email", "password"] as const;
type LoginField = (typeof FIELDS)[number];
const RULES = { email: TEXT_RULES.email, password: TEXT_RULES.loginPassword };

function isSuspension(error: ApiClientError): boolean {
  const details = error.details;
  return (
    typeof details === "object" &&
    details !== null &&
    (details as { reason?: unknown }).reason === "SUSPENDED"
  );
}

function mapLoginError(error: ApiClientError): AuthErrorMapping<LoginField> | null {
  if (error.code === "UNAUTHORIZED" && isSuspension(error)) {
    return {
      formError: {
        title: "This account is suspended.",
        detail: "Contact the studio's operator to have it restored.",
      },
    };
  }
  if (error.code === "UNAUTHORIZED") {
    return {
      formError: {
        title: "Wrong email or password.",
        detail: "Check both and try again — passwords are case-sensitive.",
      },
    };
  }
  return null;
}

export function LoginForm({ next }: { next: string | null }) {
  const { fieldErrors, formError, pending, onSubmit, clearFieldError } = useAuthForm({
    fields: FIELDS,
    rules: RULES,
    endpoint: "/api/v1/auth/login",
    destination: next ?? "/generate",
    mapError: mapLoginError,
  });

  return (
    <AuthFormFrame
      kind="login"
      formError={formError}
      onSubmit={onSubmit}
      clearFieldError={clearFieldError}
    >
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
        labelAside={
          <Link
            href="/forgot-password"
            className="text-primary text-sm font-semibold underline-offset-4 hover:underline"
            data-testid="forgot-password-link"
          >
            Forgot password?
          </Link>
        }
      >
        <PasswordInput name="password" autoComplete="current-password" />
      </FormField>
      <Button
        type="submit"
        size="lg"
        loading={pending}
        className="mt-1 w-full"
        data-testid="login-submit"
      >
        Log in
      </Button>
      <p className="text-ink-muted text-center text-sm">
        New to the studio?{" "}
        <Link
          href={withNext("/register", next)}
          className="text-primary font-semibold underline-offset-4 hover:underline"
        >
          Create an account
        </Link>
      </p>
    </AuthFormFrame>
  );
}
