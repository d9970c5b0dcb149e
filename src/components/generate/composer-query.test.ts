import { describe, expect, it } from "vitest";
import { composerValuesFromQuery, touchesAdvancedFields } from "./composer-query";

const query = (init: Record<string, string>) => new URLSearchParams(init);

describe("composerValuesFromQuery", () => {
  it("carries every setting of a 'Use these settings' link into the form", () => {
    const values = composerValuesFromQuery(
      query({
        prompt: "A lighthouse at dusk",
        negativePrompt: "people",
        aspectRatio: "16:9",
        quality: "high",
        seed: "42",
        styleTemplateId: "0B6E4F5A-1C2D-4E3F-8A9B-0C1D2E3F4A5B",
        tags: "sea, Dusk,sea",
        count: "3",
      }),
    );
    expect(values).toEqual({
      prompt: "A lighthouse at dusk",
      negativePrompt: "people",
      aspectRatio: "16:9",
      quality: "high",
      seed: "42",
      styleTemplateId: "0b6e4f5a-1c2d-4e3f-8a9b-0c1d2e3f4a5b",
      tags: ["sea", "dusk"],
      count: 3,
    });
    expect(touchesAdvancedFields(values)).toBe(true);
  });

  it("drops each value that does not fit and keeps the ones that do", () => {
    const values = composerValuesFromQuery(
      query({
        prompt: "   ",
        aspectRatio: "2:1",
        quality: "ultra",
        seed: "99999999999",
        styleTemplateId: "not-a-uuid",
        tags: "ok,<script>,",
        count: "5",
      }),
    );
    expect(values).toEqual({ tags: ["ok"] });
  });

  it("returns nothing for a plain /generate visit", () => {
    const values = composerValuesFromQuery(query({}));
    expect(values).toEqual({});
    expect(touchesAdvancedFields(values)).toBe(false);
  });

  it("cuts an over-long prompt to the form's limit rather than refusing the link", () => {
    const values = composerValuesFromQuery(query({ prompt: "x".repeat(5000) }));
    expect(values.prompt).toHaveLength(1000);
  });
});
