import type { TextRule } from "@/shared/limits";
import type { StyleTemplate } from "@/shared/api-types";

/**
 * The limits of a style template's text, written once: the admin's zod schemas
 * (shared/schemas/admin-templates.ts) are built from them and the admin form checks the same
 * rules without zod. The prefix and suffix wrap the user's prompt (up to 1000 characters)
 * in what is sent to the model, so they stay well under its input limits.
 */
export const TEMPLATE_TEXT_RULES = {
  name: {
    trim: true,
    min: [1, "Name the template."],
    max: [60, "Use at most 60 characters."],
  },
  description: { trim: true, max: [300, "Use at most 300 characters."] },
  promptPrefix: { trim: true, max: [300, "Keep the prefix under 300 characters."] },
  promptSuffix: { trim: true, max: [1500, "Keep the suffix under 1500 characters."] },
  negativePrompt: { trim: true, max: [500, "Keep the things to avoid under 500 characters."] },
} as const satisfies Record<string, TextRule>;

/** sortOrder's range: room for thousands of templates spaced by 10. */
export const TEMPLATE_SORT_ORDER = { min: 0, max: 1_000_000 } as const;
/** Most templates one reorder request may name. */
export const TEMPLATE_REORDER_MAX = 500;
/** A preview upload's limit (the same as other uploads). */
export const TEMPLATE_PREVIEW_MAX_BYTES = 10 * 1024 * 1024;

/** A template as admins see it (GET /admin/templates): hidden ones too, with their use. */
export interface AdminStyleTemplate extends StyleTemplate {
  /** Hidden: not offered on /generate nor listed by GET /templates; its images keep working. */
  hidden: boolean;
  /** The preview is an uploaded file (else the file the studio ships). */
  uploadedPreview: boolean;
  /** Images made with it (they keep their pictures when it is hidden or deleted). */
  imageCount: number;
  createdAt: string;
  updatedAt: string;
}
