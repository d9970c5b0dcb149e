import { z } from "zod";
import { TEXT_RULES } from "@/shared/limits";
import { ruleString } from "./text";

/**
 * DELETE /api/v1/account: the account's email typed again, and the current password for
 * local accounts (Supabase accounts may have none: it is not asked there).
 */
export const deleteAccountInputSchema = z.object({
  confirmEmail: ruleString(TEXT_RULES.email, { error: "Type your email address to confirm." }),
  password: ruleString(TEXT_RULES.loginPassword).optional(),
});
export type DeleteAccountInput = z.infer<typeof deleteAccountInputSchema>;

/** /api/v1/account/exports/:id */
export const accountExportParamsSchema = z.object({
  id: z.uuid({ error: "Not a valid export id." }),
});
