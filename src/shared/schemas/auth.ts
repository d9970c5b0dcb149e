import { z } from "zod";
import { TEXT_RULES } from "@/shared/limits";
import { ruleString, safeString } from "./text";

/** Shared by the auth route handlers and the login/register forms. */
const { pattern: emailShape, ...emailLength } = TEXT_RULES.email;
export const emailSchema = ruleString(emailLength, { error: "Enter your email address." }).pipe(
  z.email({ error: emailShape[1] }),
);

export const passwordSchema = ruleString(TEXT_RULES.password, { error: "Enter a password." });

export const registerInputSchema = z.object({
  email: emailSchema,
  password: passwordSchema,
  name: ruleString(TEXT_RULES.name, { error: "Enter your name." }),
});
export type RegisterInput = z.infer<typeof registerInputSchema>;

export const loginInputSchema = z.object({
  email: emailSchema,
  // Login accepts any non-empty password so that old passwords outside today's rules still work.
  password: ruleString(TEXT_RULES.loginPassword, { error: "Enter your password." }),
});
export type LoginInput = z.infer<typeof loginInputSchema>;

export const refreshInputSchema = z.object({
  refreshToken: safeString().min(16).max(512),
});
export type RefreshInput = z.infer<typeof refreshInputSchema>;

export const forgotPasswordInputSchema = z.object({ email: emailSchema });
export type ForgotPasswordInput = z.infer<typeof forgotPasswordInputSchema>;

/** The token from the mailed link: `pr_` and 43 base64url characters; anything else is unknown. */
export const resetTokenSchema = safeString().min(16).max(256);

export const resetPasswordInputSchema = z.object({
  // Local accounts: required (a missing one is answered like an unknown one). Supabase Auth: the
  // link's token hash, or left out when the session its link opened (/auth/confirm) is sent.
  token: resetTokenSchema.optional(),
  // The new password follows registration's rules.
  password: passwordSchema,
});
export type ResetPasswordInput = z.infer<typeof resetPasswordInputSchema>;

export const changePasswordInputSchema = z.object({
  // Like login: a current password from before today's rules must still be accepted.
  currentPassword: ruleString(TEXT_RULES.loginPassword, { error: "Enter your current password." }),
  newPassword: passwordSchema,
});
export type ChangePasswordInput = z.infer<typeof changePasswordInputSchema>;

/** A mailed email token (`ev_`/`ec_` and 43 base64url characters, or Supabase Auth's token hash). */
export const emailTokenSchema = safeString().min(16).max(256);

export const verifyEmailInputSchema = z.object({ token: emailTokenSchema });
export type VerifyEmailInput = z.infer<typeof verifyEmailInputSchema>;

export const changeEmailInputSchema = z.object({
  newEmail: emailSchema,
  // Like login: a password from before today's rules must still be accepted.
  password: ruleString(TEXT_RULES.loginPassword, { error: "Enter your password." }),
});
export type ChangeEmailInput = z.infer<typeof changeEmailInputSchema>;

export const confirmEmailChangeInputSchema = z.object({ token: emailTokenSchema });
export type ConfirmEmailChangeInput = z.infer<typeof confirmEmailChangeInputSchema>;
