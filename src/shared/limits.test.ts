import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readGalleryFilters } from "@/components/gallery/gallery-filters";
import { checkText, TEXT_RULES, type TextRule } from "./limits";
import { emailSchema, loginInputSchema, passwordSchema, registerInputSchema } from "./schemas/auth";
import { apiKeyCreateSchema } from "./schemas/api-keys";
import { collectionInputSchema, imageListQuerySchema } from "./schemas/gallery";
import { generateInputSchema, tagSchema } from "./schemas/images";
import { profilePatchSchema, providerKeyInputSchema } from "./schemas/settings";

/** Text that hits the edges: padding, case, the tag alphabet, NUL and lone surrogates. */
const text = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc.string({
    unit: fc.constantFrom("a", "B", " ", "-", "_", "é", "7", "\u0000", "\ud800", "@", "."),
    maxLength: 40,
  }),
  fc.integer({ min: 0, max: 1100 }).map((length) => ` ${"x".repeat(length)} `),
);

const schemaOf: Record<
  keyof typeof TEXT_RULES,
  (value: string) => { success: boolean; data?: unknown }
> = {
  email: (value) => emailSchema.safeParse(value),
  password: (value) => passwordSchema.safeParse(value),
  loginPassword: (value) => loginInputSchema.shape.password.safeParse(value),
  name: (value) => registerInputSchema.shape.name.safeParse(value),
  prompt: (value) => generateInputSchema.shape.prompt.safeParse(value),
  negativePrompt: (value) => generateInputSchema.shape.negativePrompt.safeParse(value),
  tag: (value) => tagSchema.safeParse(value),
  search: (value) => imageListQuerySchema.shape.q.safeParse(value),
  collectionName: (value) => collectionInputSchema.shape.name.safeParse(value),
  collectionDescription: (value) => collectionInputSchema.shape.description.safeParse(value),
  apiKeyName: (value) => apiKeyCreateSchema.shape.name.safeParse(value),
  providerKey: (value) => providerKeyInputSchema.options[0].shape.apiKey.safeParse(value),
  cloudflareToken: (value) => providerKeyInputSchema.options[1].shape.apiKey.safeParse(value),
  cloudflareAccountId: (value) =>
    providerKeyInputSchema.options[1].shape.accountId.safeParse(value),
};

describe("the browser's checks (shared/limits) agree with the API's schemas", () => {
  const rules = Object.entries(TEXT_RULES) as [keyof typeof TEXT_RULES, TextRule][];
  it.each(rules.filter(([name]) => name !== "email"))(
    "%s: the same verdict and the same value",
    (name, rule) => {
      fc.assert(
        fc.property(text, (value) => {
          const checked = checkText(rule, value);
          const parsed = schemaOf[name](value);
          expect(checked.ok).toBe(parsed.success);
          if (checked.ok) expect(checked.value).toBe(parsed.data);
        }),
        { numRuns: 300 },
      );
    },
  );

  it("email: whatever the API accepts, the browser accepts (the API's check is the stricter)", () => {
    fc.assert(
      fc.property(fc.oneof(text, fc.emailAddress()), (value) => {
        const parsed = emailSchema.safeParse(value);
        if (parsed.success)
          expect(checkText(TEXT_RULES.email, value)).toEqual({ ok: true, value: parsed.data });
      }),
      { numRuns: 300 },
    );
  });

  it("the profile patch uses the name rule", () => {
    expect(profilePatchSchema.safeParse({ name: " Ada " }).data).toEqual({ name: "Ada" });
  });

  it("gallery filters read from a URL are ones GET /images accepts", () => {
    const value = fc.oneof(
      text,
      fc.constantFrom("true", "false", "1:1", "16:9", "2026-01-31", "0000-01-01", "9999-12-31"),
      fc.uuid(),
      fc
        .date({ min: new Date(-1e14), max: new Date(3e14), noInvalidDate: true })
        .map((date) => date.toISOString()),
    );
    const keys = [
      "q",
      "tag",
      "favorite",
      "aspectRatio",
      "templateId",
      "from",
      "to",
      "collectionId",
    ];
    fc.assert(
      fc.property(fc.constantFrom(...keys), value, (key, raw) => {
        const filters = readGalleryFilters(new URLSearchParams({ [key]: raw }));
        const query = Object.fromEntries(
          Object.entries(filters).map(([name, v]) => [name, String(v)]),
        );
        expect(imageListQuerySchema.safeParse(query).success).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});
