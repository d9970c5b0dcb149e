import { z } from "zod";
import { TEXT_RULES } from "@/shared/limits";
import { ruleString } from "./text";

const TYPE_YOUR_EMAIL = "Type your email address to confirm.";
const typedEmail = ruleString(TEXT_RULES.email, { error: TYPE_YOUR_EMAIL });

/**
 * DELETE /api/v1/account: the account's email typed again (`email`, the contract's name;
 * `confirmEmail`, what clients sent before, is still taken), and the current password for local
 * accounts (Supabase accounts may have none: it is not asked there). Parsed to `{email, password}`.
 */
export const deleteAccountInputSchema = z
  .object({
    email: typedEmail.optional(),
    confirmEmail: typedEmail.optional(),
    password: ruleString(TEXT_RULES.loginPassword).optional(),
  })
  .superRefine((value, context) => {
    if (value.email === undefined && value.confirmEmail === undefined)
      context.addIssue({ code: "custom", path: ["email"], message: TYPE_YOUR_EMAIL });
    else if (
      value.email !== undefined &&
      value.confirmEmail !== undefined &&
      value.email !== value.confirmEmail
    )
      context.addIssue({
        code: "custom",
        path: ["confirmEmail"],
        message: "Send the email once, as email.",
      });
  })
  .transform(({ email, confirmEmail, password }) => ({
    email: (email ?? confirmEmail)!,
    password,
  }));
export type DeleteAccountInput = z.input<typeof deleteAccountInputSchema>;

/** /api/v1/account/exports/:id */
export const accountExportParamsSchema = z.object({
  id: z.uuid({ error: "Not a valid export id." }),
});
