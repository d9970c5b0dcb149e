import { z } from "zod";
import { TEXT_RULES } from "@/shared/limits";
import { ruleString } from "./text";

/** The longest prompt an enhancement may return: what POST /images/generate accepts. */
export const ENHANCED_PROMPT_MAX = TEXT_RULES.prompt.max[0];

/** POST /prompts/enhance — the prompt to rewrite, and the style it is meant for. */
export const enhancePromptInputSchema = z
  .object({
    prompt: ruleString(TEXT_RULES.prompt, { error: "Write a prompt to enhance." }),
    styleTemplateId: z.uuid({ error: "Not a valid template id." }).optional(),
  })
  .strict();
export type EnhancePromptInput = z.infer<typeof enhancePromptInputSchema>;
