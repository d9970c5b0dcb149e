import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as health from "@/app/api/health/route";
import * as unknown from "@/app/api/v1/[...path]/route";
import * as register from "@/app/api/v1/auth/register/route";
import * as settings from "@/app/api/v1/settings/route";
import * as templateById from "@/app/api/v1/templates/[id]/route";
import * as categories from "@/app/api/v1/templates/categories/route";
import * as templates from "@/app/api/v1/templates/route";
import type { HealthReport, Settings, StyleTemplate } from "@/shared/api-types";
import { ApiCaller } from "../support/api-caller";
import { startTestStudio, type TestStudio } from "../support/test-services";

let studio: TestStudio;
const caller = new ApiCaller();

beforeAll(async () => {
  studio = await startTestStudio();
  const response = await caller.call(register.POST, {
    method: "POST",
    path: "/api/v1/auth/register",
    body: {
      email: `settings${Date.now()}@example.com`,
      password: "a good password",
      name: "Grace",
    },
  });
  expect(response.status).toBe(201);
});
afterAll(async () => {
  await studio?.dispose();
});

describe("settings API", () => {
  it("returns the defaults for a new account", async () => {
    const response = await caller.call<Settings>(settings.GET, { path: "/api/v1/settings" });
    expect(response.body).toMatchObject({
      success: true,
      data: {
        emailNotifications: true,
        defaultQuality: "standard",
        defaultAspectRatio: "1:1",
        autoSaveGallery: true,
        enableOfflineCache: true,
        defaultCount: 1,
      },
    });
  });

  it("keeps how many images a prompt makes by default (1..4) and refuses any other count", async () => {
    const patched = await caller.call<Settings>(settings.PATCH, {
      method: "PATCH",
      path: "/api/v1/settings",
      body: { defaultCount: 3 },
    });
    expect(patched.body).toMatchObject({ success: true, data: { defaultCount: 3 } });
    for (const defaultCount of [0, 5, 2.5, "2", null]) {
      const refused = await caller.call(settings.PATCH, {
        method: "PATCH",
        path: "/api/v1/settings",
        body: { defaultCount },
      });
      expect(refused.status, JSON.stringify(defaultCount)).toBe(400);
      expect(refused.body).toMatchObject({
        success: false,
        error: { code: "VALIDATION_ERROR", details: { issues: [{ path: "defaultCount" }] } },
      });
    }
    const after = await caller.call<Settings>(settings.GET, { path: "/api/v1/settings" });
    expect(after.body).toMatchObject({ success: true, data: { defaultCount: 3 } });
    await caller.call(settings.PATCH, {
      method: "PATCH",
      path: "/api/v1/settings",
      body: { defaultCount: 1 },
    });
  });

  it("changes only the fields sent and keeps them", async () => {
    const patched = await caller.call<Settings>(settings.PATCH, {
      method: "PATCH",
      path: "/api/v1/settings",
      body: { defaultAspectRatio: "16:9", enableOfflineCache: false },
    });
    expect(patched.status).toBe(200);
    const again = await caller.call<Settings>(settings.GET, { path: "/api/v1/settings" });
    expect(again.body).toMatchObject({
      success: true,
      data: { defaultAspectRatio: "16:9", enableOfflineCache: false, defaultQuality: "standard" },
    });
  });

  it("rejects unknown fields, bad values and empty patches with VALIDATION_ERROR and changes nothing", async () => {
    for (const body of [
      { defaultAspectRatio: "2:1" },
      { theme: "dark" },
      {},
      { emailNotifications: "yes" },
    ]) {
      const response = await caller.call(settings.PATCH, {
        method: "PATCH",
        path: "/api/v1/settings",
        body,
      });
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(response.body).toMatchObject({ success: false, error: { code: "VALIDATION_ERROR" } });
    }
    const after = await caller.call<Settings>(settings.GET, { path: "/api/v1/settings" });
    expect(after.body).toMatchObject({
      success: true,
      data: { defaultAspectRatio: "16:9", emailNotifications: true },
    });
  });

  it("requires a signed-in caller", async () => {
    const response = await new ApiCaller().call(settings.GET, { path: "/api/v1/settings" });
    expect(response.status).toBe(401);
  });
});

describe("templates API", () => {
  it("lists at least 12 active templates in at least 4 categories, each with a preview and prompt parameters", async () => {
    const response = await new ApiCaller().call<StyleTemplate[]>(templates.GET, {
      path: "/api/v1/templates",
    });
    if (!response.body.success) throw new Error("expected success");
    const list = response.body.data;
    expect(list.length).toBeGreaterThanOrEqual(12);
    expect(new Set(list.map((template) => template.category)).size).toBeGreaterThanOrEqual(4);
    for (const template of list) {
      expect(template.previewUrl).toMatch(/^\/templates\/[a-z0-9-]+\.webp$/);
      expect(template.promptPrefix.length + template.promptSuffix.length).toBeGreaterThan(0);
    }
  });

  it("filters by category and lists categories with counts", async () => {
    const cats = await new ApiCaller().call<{ id: string; count: number }[]>(categories.GET, {
      path: "/api/v1/templates/categories",
    });
    if (!cats.body.success) throw new Error("expected success");
    const first = cats.body.data[0]!;
    const filtered = await new ApiCaller().call<StyleTemplate[]>(templates.GET, {
      path: `/api/v1/templates?category=${first.id}`,
    });
    if (!filtered.body.success) throw new Error("expected success");
    expect(filtered.body.data).toHaveLength(first.count);
    expect(filtered.body.data.every((template) => template.category === first.id)).toBe(true);
    const bad = await new ApiCaller().call(templates.GET, {
      path: "/api/v1/templates?category=sculpture",
    });
    expect(bad.status).toBe(400);
  });

  it("gets one template by id, 404 for an unknown id and 400 for a malformed one", async () => {
    const list = await new ApiCaller().call<StyleTemplate[]>(templates.GET, {
      path: "/api/v1/templates",
    });
    if (!list.body.success) throw new Error("expected success");
    const one = list.body.data[0]!;
    const found = await new ApiCaller().call<StyleTemplate>(templateById.GET, {
      path: `/api/v1/templates/${one.id}`,
      params: { id: one.id },
    });
    expect(found.body).toMatchObject({ success: true, data: { id: one.id, slug: one.slug } });
    const missing = "00000000-0000-4000-8000-000000000000";
    const notFound = await new ApiCaller().call(templateById.GET, {
      path: `/api/v1/templates/${missing}`,
      params: { id: missing },
    });
    expect(notFound.status).toBe(404);
    const malformed = await new ApiCaller().call(templateById.GET, {
      path: "/api/v1/templates/nope",
      params: { id: "nope" },
    });
    expect(malformed.status).toBe(400);
  });
});

describe("operations", () => {
  it("reports health with the mode and every dependency", async () => {
    const response = await new ApiCaller().call<HealthReport>(health.GET, { path: "/api/health" });
    expect(response.status).toBe(200);
    if (!response.body.success) throw new Error("expected success");
    expect(response.body.data.status).toBe("ok");
    expect(response.body.data.mode).toBe("embedded");
    expect(Object.keys(response.body.data.checks).sort()).toEqual(["database", "kv", "storage"]);
  });

  it("answers other methods on /api/health with 405 in the envelope, not a bare 405", async () => {
    for (const method of ["POST", "PUT", "PATCH", "DELETE"] as const) {
      const response = await new ApiCaller().call(health[method], {
        method,
        path: "/api/health",
      });
      expect(response.status, method).toBe(405);
      expect(response.headers.get("x-request-id"), method).toBeTruthy();
      expect(response.headers.get("allow"), method).toBe("GET, HEAD, OPTIONS");
      expect(response.body, method).toMatchObject({
        success: false,
        error: { code: "METHOD_NOT_ALLOWED" },
      });
    }
  });

  it("answers unknown API paths with NOT_FOUND in the envelope", async () => {
    const response = await new ApiCaller().call(unknown.GET, {
      path: "/api/v1/nothing-here",
      params: { path: "nothing-here" },
    });
    expect(response.status).toBe(404);
    expect(response.body).toMatchObject({ success: false, error: { code: "NOT_FOUND" } });
  });
});
