"use client";

import type { FormEvent, ReactNode } from "react";
import { Alert } from "@/components/ui/alert";
import type { FormErrorState } from "./use-auth-form";

/** The form element and its error banner, the same for every signed-out form. */
export function AuthFormFrame({
  kind,
  formError,
  onSubmit,
  clearFieldError,
  children,
}: {
  kind: "login" | "register" | "forgot-password" | "reset-password";
  formError: FormErrorState | null;
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
  clearFieldError: (name: string) => void;
  children: ReactNode;
}) {
  const errorId = `${kind}-form-error`;
  return (
    // method="post": a submit before hydration must not put the password in the URL.
    <form
      method="post"
      noValidate
      onSubmit={onSubmit}
      onChange={(event) => {
        if (event.target instanceof HTMLInputElement) clearFieldError(event.target.name);
      }}
      className="flex flex-col gap-5"
      data-testid={`${kind}-form`}
      aria-describedby={formError ? errorId : undefined}
    >
      {formError ? (
        <Alert
          variant="danger"
          role="alert"
          title={formError.title}
          id={errorId}
          data-testid="form-error"
        >
          {formError.detail}
        </Alert>
      ) : null}
      {children}
    </form>
  );
}
