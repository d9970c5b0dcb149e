import { z } from "zod";
import { safeString } from "./text";

/** Shared by the auth route handlers and the login/register forms. */
export const emailSchema = safeString({ error: "Enter your email address." })
  .trim()
  .toLowerCase()
  .max(254, { error: "That email address is too long." })
  .pipe(z.email({ error: "Enter a valid email address." }));

export const passwordSchema = safeString({ error: "Enter a password." })
  .min(8, { error: "Use at least 8 characters." })
  .max(128, { error: "Use at most 128 characters." });

export const registerInputSchema = z.object({
  email: emailSchema,
  password: passwordSchema,
  name: safeString({ error: "Enter your name." })
    .trim()
    .min(1, { error: "Enter your name." })
    .max(80, { error: "Use at most 80 characters." }),
});
export type RegisterInput = z.infer<typeof registerInputSchema>;

export const loginInputSchema = z.object({
  email: emailSchema,
  // Login accepts any non-empty password so that old passwords outside today's rules still work.
  password: safeString({ error: "Enter your password." })
    .min(1, { error: "Enter your password." })
    .max(1024),
});
export type LoginInput = z.infer<typeof loginInputSchema>;

export const refreshInputSchema = z.object({
  refreshToken: safeString().min(16).max(512),
});
export type RefreshInput = z.infer<typeof refreshInputSchema>;
