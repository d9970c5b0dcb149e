import { describe, expect, it } from "vitest";
import { apiKeyCreateSchema } from "./api-keys";

describe("apiKeyCreateSchema", () => {
  it("trims the name and accepts each expiry, or null for never", () => {
    for (const expiresInDays of [30, 90, 365, null]) {
      expect(
        apiKeyCreateSchema.parse({
          name: "  Nightly backup ",
          scopes: ["images:read"],
          expiresInDays,
        }),
      ).toEqual({ name: "Nightly backup", scopes: ["images:read"], expiresInDays });
    }
  });

  it.each([
    ["no scopes", { name: "a", scopes: [], expiresInDays: 30 }, "scopes"],
    ["an unknown scope", { name: "a", scopes: ["images:delete"], expiresInDays: 30 }, "scopes"],
    [
      "a repeated scope",
      { name: "a", scopes: ["images:write", "images:write"], expiresInDays: 30 },
      "scopes",
    ],
    ["a blank name", { name: "  ", scopes: ["images:read"], expiresInDays: 30 }, "name"],
    [
      "a 61-character name",
      { name: "x".repeat(61), scopes: ["images:read"], expiresInDays: 30 },
      "name",
    ],
    ["a 7-day expiry", { name: "a", scopes: ["images:read"], expiresInDays: 7 }, "expiresInDays"],
    [
      "an expiry as text",
      { name: "a", scopes: ["images:read"], expiresInDays: "30" },
      "expiresInDays",
    ],
  ])("refuses %s", (_label, input, field) => {
    const result = apiKeyCreateSchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path[0]).toBe(field);
  });
});
