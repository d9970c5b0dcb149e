import { createHash } from "node:crypto";
import { readdirSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as login from "@/app/api/v1/auth/login/route";
import type { Collection, Image, Session } from "@/shared/api-types";
import type { AuditContext } from "@/server/audit/audit-log";
import { exportDepsOf, runDueExports, startAccountExport } from "@/server/account/account-exports";
import {
  HTTP_METHODS,
  isAdminOnlyFilledIn,
  isDeclaredHandler,
  type HttpMethod,
} from "@/server/http/route-methods";
import { ApiCaller, type CallOptions } from "../support/api-caller";
import {
  FAKE_GEMINI_KEY,
  startFakeGeminiServer,
  type FakeGeminiServer,
} from "../support/fake-gemini-server";
import { madeUpSubscription } from "../support/fake-push-endpoint";
import { seedImagesWithFiles } from "../support/seed-image-files";
import { signUp, TEST_PASSWORD, type SignedUp } from "../support/sign-up";
import { startTestStudio, type TestStudio } from "../support/test-services";

/**
 * Who may do what, for every route and method the app serves: one table, one row per route,
 * method and case, one cell per credential. The routes and their methods are read from the file
 * system, so a route or a method added without a row fails here. Methods a route does not
 * declare (filled in by routeMethods) must answer 405, HEAD as its GET, OPTIONS 200.
 *
 * Rules the cells follow: someone else's private thing is 404 (never 403, no probing); no
 * credential on a private route is 401, and so is a revoked, expired or tampered one on any
 * route that looks at credentials; an API key lacking the route's scope, or on a session-only
 * route, is 403. An admin endpoint answers everyone but a signed-in admin, failing credentials
 * included, with the unknown-endpoint 404. Public routes never look at credentials. Admins get no way into users' things.
 * And an answer to anyone but the owner never mentions the owner's private image or collection.
 */

const CREDENTIALS = [
  "anonymous",
  "owner cookie",
  "owner token",
  "other user",
  "admin",
  "key images:read",
  "key images:write",
  "key read+write",
  "revoked key",
  "expired key",
  "tampered token",
  "tampered key",
] as const;
type Credential = (typeof CREDENTIALS)[number];
// prettier-ignore
type Cells = readonly [number, number, number, number, number, number, number, number, number, number, number, number];

/** Credentials that act as the owner of the fixtures (their answers may show private things). */
const OWNER_SIDE = new Set<Credential>([
  "owner cookie",
  "owner token",
  "key images:read",
  "key images:write",
  "key read+write",
]);

interface Fixture {
  owner: SignedUp;
  privateImage: Image;
  publicImage: Image;
  privateCollection: Collection;
  publicCollection: Collection;
  templateId: string;
  /** Made afresh for each cell of rows that change or use up something. */
  fresh: Record<string, string>;
}

interface Request {
  path: string;
  body?: unknown;
  form?: FormData;
  headers?: Record<string, string>;
}

interface Row {
  method: HttpMethod | "*";
  route: string;
  case?: string;
  cells: Cells;
  request: (fixture: Fixture) => Request;
  /** Per-cell fixtures (destructive rows), and their clean-up. */
  fresh?: (fixture: Fixture) => Promise<Record<string, string>>;
  cleanUp?: (fresh: Record<string, string>) => Promise<void>;
  /** The row ends sessions (logout): cookie and token credentials are fresh sessions per cell. */
  freshSessions?: boolean;
}

let studio: TestStudio;
let gemini: FakeGeminiServer;
const audit: AuditContext = {
  requestId: "access-matrix",
  meta: { ip: null, userAgent: "access-matrix" },
};
let unique = 0;

const freshImage = async (f: Fixture) => {
  const [image] = await seedImagesWithFiles(studio, { userId: f.owner.user.id, count: 1 });
  return { image: image! };
};
const freshCollection = async (f: Fixture) => {
  const collection = await studio.services.gallery.createCollection({
    userId: f.owner.user.id,
    input: { name: `Fresh ${++unique}` },
  });
  await studio.services.gallery.addImage({
    collectionId: collection.id,
    imageId: f.privateImage.id,
    userId: f.owner.user.id,
  });
  return { collection: collection.id };
};
/** A template with an uploaded preview (a plain tile), made by an admin. */
const freshTemplate = async () => {
  const template = await studio.services.adminTemplates.create({
    actorId: admin.user.id,
    fields: { name: `Matrix template ${++unique}`, category: "art" },
    preview: null,
    audit,
  });
  return { template: template.id };
};
const deleteFreshTemplate = async (fresh: Record<string, string>) => {
  await studio.database.query("delete from public.style_templates where id = $1", [fresh.template]);
};
const freshApiKey = async (f: Fixture) => {
  const created = await studio.services.apiKeys.create({
    userId: f.owner.user.id,
    name: `Fresh ${++unique}`,
    scopes: ["images:read"],
    expiresInDays: null,
    audit,
  });
  return { apiKey: created.apiKey.id };
};
/** The owner's signed unsubscribe link, as the mails carry it (its path and query). */
const unsubscribePath = (userId: string) => {
  const url = new URL(studio.services.notifications.links.oneClickUrl(userId));
  return `${url.pathname}${url.search}`;
};
/** A finished generation job of the owner's (src/server/generation/generation-jobs.ts). */
const freshGeneration = async (f: Fixture) => {
  const [row] = await studio.database.query<{ id: string }>(
    `insert into public.generation_jobs (user_id, action, status, count, image_ids, finished_at)
     values ($1, 'image.generate', 'done', 1, array[$2::uuid], now()) returning id`,
    [f.owner.user.id, f.privateImage.id],
  );
  return { generation: row!.id };
};
const freshExport = async (f: Fixture) => ({
  export: (await startAccountExport({ db: studio.database.db, userId: f.owner.user.id })).export.id,
});
const freshReadyExport = async (f: Fixture) => {
  const { export: id } = await freshExport(f);
  await runDueExports(exportDepsOf(studio.services), { id });
  return { export: id };
};
/** One export in preparation per person: each cell starts from none. */
async function deleteExports(): Promise<void> {
  await studio.database.query("delete from public.account_exports");
}
const freshRefreshToken = async (f: Fixture) => ({
  refreshToken: (await newSession(f.owner.email)).session.refreshToken,
});
/** Another session of the owner's, to be signed out (its id is its access token's `sid`). */
const freshOwnerSession = async (f: Fixture) => {
  const { session } = await newSession(f.owner.email);
  const payload = session.accessToken.split(".")[1]!;
  const claims = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as { sid: string };
  return { session: claims.sid };
};
/** One of the owner's Web Push devices (its push service is never called here). */
const freshPushDevice = async (f: Fixture) => ({
  device: (
    await studio.services.push.subscribe({
      userId: f.owner.user.id,
      subscription: madeUpSubscription(),
      userAgent: null,
    })
  ).id,
});
/** "Sign out everywhere else" ends the fixtures' own sessions too: sign them in again. */
const restoreFixtureSessions = async () => {
  for (const account of [fixture.owner, other, admin]) {
    const { caller, session } = await newSession(account.email);
    account.caller.cookies.clear();
    for (const [name, value] of caller.cookies) account.caller.cookies.set(name, value);
    account.session = session;
  }
};

// prettier-ignore
const TABLE: Row[] = [
  //                                                                            anon own  ownT othr admn kR   kW   kRW  kRev kExp tTok tKey
  // Operations and documents: public, credentials are not looked at.
  { method: "GET",    route: "/api/health",                                     cells: [200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200], request: () => ({ path: "/api/health" }) },
  { method: "GET",    route: "/api/cron/daily",                                 cells: [401, 401, 401, 401, 401, 401, 401, 401, 401, 401, 401, 401], request: () => ({ path: "/api/cron/daily" }) },
  { method: "OPTIONS", route: "/api/cron/daily",                                cells: [401, 401, 401, 401, 401, 401, 401, 401, 401, 401, 401, 401], request: () => ({ path: "/api/cron/daily" }) },
  { method: "POST",   route: "/api/cron/daily",                                 cells: [401, 401, 401, 401, 401, 401, 401, 401, 401, 401, 401, 401], request: () => ({ path: "/api/cron/daily" }) },
  { method: "PUT",    route: "/api/cron/daily",                                 cells: [401, 401, 401, 401, 401, 401, 401, 401, 401, 401, 401, 401], request: () => ({ path: "/api/cron/daily" }) },
  { method: "PATCH",  route: "/api/cron/daily",                                 cells: [401, 401, 401, 401, 401, 401, 401, 401, 401, 401, 401, 401], request: () => ({ path: "/api/cron/daily" }) },
  { method: "DELETE", route: "/api/cron/daily",                                 cells: [401, 401, 401, 401, 401, 401, 401, 401, 401, 401, 401, 401], request: () => ({ path: "/api/cron/daily" }) },
  { method: "POST",   route: "/share-target",                                   cells: [303, 303, 303, 303, 303, 303, 303, 303, 303, 303, 303, 303], request: () => ({ path: "/share-target", form: new FormData() }) },
  { method: "GET",    route: "/auth/confirm",                                   cells: [303, 303, 303, 303, 303, 303, 303, 303, 303, 303, 303, 303], request: () => ({ path: "/auth/confirm?code=4e0c7d5e-0000-4000-8000-000000000000&next=/reset-password" }) },
  { method: "*",      route: "/api/v1/[...path]",                               cells: [404, 404, 404, 404, 404, 404, 404, 404, 404, 404, 404, 404], request: () => ({ path: "/api/v1/no/such/endpoint" }) },
  { method: "*",      route: "/api/[...path]",                                  cells: [404, 404, 404, 404, 404, 404, 404, 404, 404, 404, 404, 404], request: () => ({ path: "/api/no/such/endpoint" }) },
  { method: "GET",    route: "/api/v1/openapi.json",                            cells: [200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200], request: () => ({ path: "/api/v1/openapi.json" }) },
  { method: "GET",    route: "/api/v1/templates",                               cells: [200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200], request: () => ({ path: "/api/v1/templates" }) },
  { method: "GET",    route: "/api/v1/templates/categories",                    cells: [200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200], request: () => ({ path: "/api/v1/templates/categories" }) },
  { method: "GET",    route: "/api/v1/templates/[id]",                          cells: [200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200], request: (f) => ({ path: `/api/v1/templates/${f.templateId}` }) },
  { method: "GET",    route: "/api/v1/templates/[id]/preview", case: "uploaded preview", cells: [200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200], fresh: freshTemplate, cleanUp: deleteFreshTemplate, request: (f) => ({ path: `/api/v1/templates/${f.fresh.template}/preview` }) },
  { method: "GET",    route: "/api/v1/gallery/public",                          cells: [200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200], request: () => ({ path: "/api/v1/gallery/public?limit=100" }) },

  // Accounts: sign-up, sign-in and refresh are public; the rest is session-only (API keys: 403).
  { method: "POST",   route: "/api/v1/auth/register",                           cells: [201, 201, 201, 201, 201, 201, 201, 201, 201, 201, 201, 201], request: () => ({ path: "/api/v1/auth/register", body: { email: `matrix-new-${++unique}@example.com`, password: TEST_PASSWORD, name: "New" } }) },
  { method: "POST",   route: "/api/v1/auth/login",                              cells: [200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200], request: (f) => ({ path: "/api/v1/auth/login", body: { email: f.owner.email, password: TEST_PASSWORD } }) },
  { method: "POST",   route: "/api/v1/auth/refresh",                            cells: [200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200], fresh: freshRefreshToken, request: (f) => ({ path: "/api/v1/auth/refresh", body: { refreshToken: f.fresh.refreshToken } }) },
  { method: "POST",   route: "/api/v1/auth/logout",                             cells: [401, 200, 200, 200, 200, 403, 403, 403, 401, 401, 401, 401], freshSessions: true, request: () => ({ path: "/api/v1/auth/logout" }) },
  // Password recovery is public (the same answer for any email; a made-up token is 400); a change needs a session (a wrong current password is 400, so no session ends here).
  { method: "POST",   route: "/api/v1/auth/password/forgot",                    cells: [200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200], request: () => ({ path: "/api/v1/auth/password/forgot", body: { email: `matrix-forgot-${++unique}@example.com` } }) },
  { method: "POST",   route: "/api/v1/auth/password/reset",                     cells: [400, 400, 400, 400, 400, 400, 400, 400, 400, 400, 400, 400], request: () => ({ path: "/api/v1/auth/password/reset", body: { token: `pr_matrix-made-up-token-${++unique}`, password: "a new password" } }) },
  // Sessions (devices): session-only (API keys: 403); someone else's session is 404. "Everywhere else" also ends the fixtures' own sessions, so they sign in again after each cell.
  { method: "GET",    route: "/api/v1/auth/sessions",                           cells: [401, 200, 200, 200, 200, 403, 403, 403, 401, 401, 401, 401], request: () => ({ path: "/api/v1/auth/sessions" }) },
  { method: "DELETE", route: "/api/v1/auth/sessions",                           cells: [401, 200, 200, 200, 200, 403, 403, 403, 401, 401, 401, 401], freshSessions: true, cleanUp: restoreFixtureSessions, request: () => ({ path: "/api/v1/auth/sessions" }) },
  { method: "DELETE", route: "/api/v1/auth/sessions/[id]", case: "the owner's other session", cells: [401, 200, 200, 404, 404, 403, 403, 403, 401, 401, 401, 401], fresh: freshOwnerSession, request: (f) => ({ path: `/api/v1/auth/sessions/${f.fresh.session}` }) },
  { method: "PUT",    route: "/api/v1/auth/password",                           cells: [401, 400, 400, 400, 400, 403, 403, 403, 401, 401, 401, 401], request: () => ({ path: "/api/v1/auth/password", body: { currentPassword: "not the password", newPassword: "a new password" } }) },
  // Email: confirming with a token is public (a made-up token is 400); resend and change need a session (resend of the owner's unconfirmed address mails; a wrong password is 400).
  { method: "POST",   route: "/api/v1/auth/email/verify",                       cells: [400, 400, 400, 400, 400, 400, 400, 400, 400, 400, 400, 400], request: () => ({ path: "/api/v1/auth/email/verify", body: { token: `ev_matrix-made-up-token-${++unique}` } }) },
  { method: "POST",   route: "/api/v1/auth/email/confirm",                      cells: [400, 400, 400, 400, 400, 400, 400, 400, 400, 400, 400, 400], request: () => ({ path: "/api/v1/auth/email/confirm", body: { token: `ec_matrix-made-up-token-${++unique}` } }) },
  { method: "POST",   route: "/api/v1/auth/email/verify/resend",                cells: [401, 200, 200, 200, 200, 403, 403, 403, 401, 401, 401, 401], request: () => ({ path: "/api/v1/auth/email/verify/resend" }) },
  { method: "POST",   route: "/api/v1/auth/email/change",                       cells: [401, 400, 400, 400, 400, 403, 403, 403, 401, 401, 401, 401], request: () => ({ path: "/api/v1/auth/email/change", body: { newEmail: `matrix-change-${++unique}@example.com`, password: "not the password" } }) },
  { method: "GET",    route: "/api/v1/auth/profile",                            cells: [401, 200, 200, 200, 200, 403, 403, 403, 401, 401, 401, 401], request: () => ({ path: "/api/v1/auth/profile" }) },
  { method: "PATCH",  route: "/api/v1/auth/profile",                            cells: [401, 200, 200, 200, 200, 403, 403, 403, 401, 401, 401, 401], request: () => ({ path: "/api/v1/auth/profile", body: { name: "Matrix Person" } }) },
  { method: "GET",    route: "/api/v1/settings",                                cells: [401, 200, 200, 200, 200, 403, 403, 403, 401, 401, 401, 401], request: () => ({ path: "/api/v1/settings" }) },
  { method: "PATCH",  route: "/api/v1/settings",                                cells: [401, 200, 200, 200, 200, 403, 403, 403, 401, 401, 401, 401], request: () => ({ path: "/api/v1/settings", body: { defaultQuality: "high" } }) },
  { method: "PUT",    route: "/api/v1/settings/provider-key",                   cells: [401, 200, 200, 200, 200, 403, 403, 403, 401, 401, 401, 401], request: () => ({ path: "/api/v1/settings/provider-key", body: { provider: "gemini", apiKey: FAKE_GEMINI_KEY } }) },
  { method: "DELETE", route: "/api/v1/settings/provider-key",                   cells: [401, 200, 200, 200, 200, 403, 403, 403, 401, 401, 401, 401], request: () => ({ path: "/api/v1/settings/provider-key" }) },
  { method: "GET",    route: "/api/v1/api-keys",                                cells: [401, 200, 200, 200, 200, 403, 403, 403, 401, 401, 401, 401], request: () => ({ path: "/api/v1/api-keys" }) },
  { method: "POST",   route: "/api/v1/api-keys",                                cells: [401, 201, 201, 201, 201, 403, 403, 403, 401, 401, 401, 401], request: () => ({ path: "/api/v1/api-keys", body: { name: `Matrix ${++unique}`, scopes: ["images:read"], expiresInDays: 30 } }), cleanUp: revokeMatrixKeys },
  { method: "DELETE", route: "/api/v1/api-keys/[id]",    case: "the owner's key", cells: [401, 200, 200, 404, 404, 403, 403, 403, 401, 401, 401, 401], fresh: freshApiKey, cleanUp: revokeMatrixKeys, request: (f) => ({ path: `/api/v1/api-keys/${f.fresh.apiKey}` }) },
  // The account: its export is a read (API keys: images:read); deleting it is session-only. Here the typed email is wrong (400), so no account ends.
  { method: "GET",    route: "/api/v1/account/export",                         cells: [401, 200, 200, 200, 200, 200, 403, 200, 401, 401, 401, 401], request: () => ({ path: "/api/v1/account/export" }) },
  // Background exports: reads like the streamed export (API keys: images:read); someone else's job or file is 404.
  { method: "GET",    route: "/api/v1/account/exports",                        cells: [401, 200, 200, 200, 200, 200, 403, 200, 401, 401, 401, 401], request: () => ({ path: "/api/v1/account/exports" }) },
  { method: "POST",   route: "/api/v1/account/exports",                        cells: [401, 202, 202, 202, 202, 202, 403, 202, 401, 401, 401, 401], cleanUp: deleteExports, request: () => ({ path: "/api/v1/account/exports" }) },
  { method: "GET",    route: "/api/v1/account/exports/[id]",                   cells: [401, 200, 200, 404, 404, 200, 403, 200, 401, 401, 401, 401], fresh: freshExport, cleanUp: deleteExports, request: (f) => ({ path: `/api/v1/account/exports/${f.fresh.export}` }) },
  { method: "GET",    route: "/api/v1/generations/[id]",                       cells: [401, 200, 200, 404, 404, 200, 403, 200, 401, 401, 401, 401], fresh: freshGeneration, request: (f) => ({ path: `/api/v1/generations/${f.fresh.generation}` }) },
  { method: "GET",    route: "/api/v1/account/exports/[id]/download",          cells: [401, 200, 200, 404, 404, 200, 403, 200, 401, 401, 401, 401], fresh: freshReadyExport, cleanUp: deleteExports, request: (f) => ({ path: `/api/v1/account/exports/${f.fresh.export}/download` }) },
  { method: "DELETE", route: "/api/v1/account",          case: "wrong email",   cells: [401, 400, 400, 400, 400, 403, 403, 403, 401, 401, 401, 401], request: () => ({ path: "/api/v1/account", body: { email: "not-the-owner@example.com", password: TEST_PASSWORD } }) },
  // Unsubscribing: public, the signed link is the permission (credentials are not looked at). GET changes nothing and sends browsers to the page that asks; a link signed for someone else's id is 404.
  { method: "GET",    route: "/api/v1/notifications/unsubscribe",              cells: [303, 303, 303, 303, 303, 303, 303, 303, 303, 303, 303, 303], request: (f) => ({ path: unsubscribePath(f.owner.user.id) }) },
  { method: "POST",   route: "/api/v1/notifications/unsubscribe", case: "valid link",    cells: [200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200], request: (f) => ({ path: unsubscribePath(f.owner.user.id), body: { "List-Unsubscribe": "One-Click" } }) },
  { method: "POST",   route: "/api/v1/notifications/unsubscribe", case: "another's id",  cells: [404, 404, 404, 404, 404, 404, 404, 404, 404, 404, 404, 404], request: (f) => ({ path: unsubscribePath(f.owner.user.id).replace(/u=[^&]+/, `u=${other.user.id}`), body: { "List-Unsubscribe": "One-Click" } }) },
  // Web Push devices: session-only (API keys: 403); someone else's device is 404.
  { method: "GET",    route: "/api/v1/notifications/push",                     cells: [401, 200, 200, 200, 200, 403, 403, 403, 401, 401, 401, 401], request: () => ({ path: "/api/v1/notifications/push" }) },
  { method: "POST",   route: "/api/v1/notifications/push",                     cells: [401, 201, 201, 201, 201, 403, 403, 403, 401, 401, 401, 401], request: () => ({ path: "/api/v1/notifications/push", body: madeUpSubscription() }) },
  { method: "DELETE", route: "/api/v1/notifications/push/[id]", case: "the owner's device", cells: [401, 200, 200, 404, 404, 403, 403, 403, 401, 401, 401, 401], fresh: freshPushDevice, request: (f) => ({ path: `/api/v1/notifications/push/${f.fresh.device}` }) },

  // Images: reads need images:read, writes images:write; someone else's private image is 404.
  { method: "GET",    route: "/api/v1/images",                                  cells: [401, 200, 200, 200, 200, 200, 403, 200, 401, 401, 401, 401], request: () => ({ path: "/api/v1/images?limit=100" }) },
  { method: "POST",   route: "/api/v1/images/generate",                         cells: [401, 201, 201, 201, 201, 403, 201, 201, 401, 401, 401, 401], request: () => ({ path: "/api/v1/images/generate", body: { prompt: "a matrix of lights" } }) },
  { method: "GET",    route: "/api/v1/images/[id]",      case: "private image", cells: [404, 200, 200, 404, 404, 200, 403, 200, 401, 401, 401, 401], request: (f) => ({ path: `/api/v1/images/${f.privateImage.id}` }) },
  { method: "GET",    route: "/api/v1/images/[id]",      case: "public image",  cells: [200, 200, 200, 200, 200, 200, 403, 200, 401, 401, 401, 401], request: (f) => ({ path: `/api/v1/images/${f.publicImage.id}` }) },
  { method: "PATCH",  route: "/api/v1/images/[id]",      case: "private image", cells: [401, 200, 200, 404, 404, 403, 200, 200, 401, 401, 401, 401], request: (f) => ({ path: `/api/v1/images/${f.privateImage.id}`, body: { favorite: true } }) },
  { method: "PATCH",  route: "/api/v1/images/[id]",      case: "public image",  cells: [401, 200, 200, 404, 404, 403, 200, 200, 401, 401, 401, 401], request: (f) => ({ path: `/api/v1/images/${f.publicImage.id}`, body: { tags: ["matrix"] } }) },
  { method: "DELETE", route: "/api/v1/images/[id]",      case: "private image", cells: [401, 200, 200, 404, 404, 403, 200, 200, 401, 401, 401, 401], fresh: freshImage, request: (f) => ({ path: `/api/v1/images/${f.fresh.image}` }) },
  { method: "POST",   route: "/api/v1/images/[id]/edit", case: "private image", cells: [401, 201, 201, 404, 404, 403, 201, 201, 401, 401, 401, 401], request: (f) => ({ path: `/api/v1/images/${f.privateImage.id}/edit`, body: { prompt: "a brighter matrix" } }) },
  { method: "POST",   route: "/api/v1/images/[id]/edit", case: "public image",  cells: [401, 201, 201, 201, 201, 403, 201, 201, 401, 401, 401, 401], request: (f) => ({ path: `/api/v1/images/${f.publicImage.id}/edit`, body: { prompt: "a remix" } }) },
  { method: "POST",   route: "/api/v1/images/[id]/variations", case: "private image", cells: [401, 201, 201, 404, 404, 403, 201, 201, 401, 401, 401, 401], request: (f) => ({ path: `/api/v1/images/${f.privateImage.id}/variations`, body: { strength: 0.3 } }) },
  { method: "POST",   route: "/api/v1/images/[id]/variations", case: "public image",  cells: [401, 201, 201, 201, 201, 403, 201, 201, 401, 401, 401, 401], request: (f) => ({ path: `/api/v1/images/${f.publicImage.id}/variations` }) },
  { method: "GET",    route: "/api/v1/images/[id]/lineage", case: "private image", cells: [404, 200, 200, 404, 404, 200, 403, 200, 401, 401, 401, 401], request: (f) => ({ path: `/api/v1/images/${f.privateImage.id}/lineage` }) },
  { method: "GET",    route: "/api/v1/images/[id]/lineage", case: "public image",  cells: [200, 200, 200, 200, 200, 200, 403, 200, 401, 401, 401, 401], request: (f) => ({ path: `/api/v1/images/${f.publicImage.id}/lineage` }) },
  { method: "GET",    route: "/api/v1/images/[id]/download", case: "private image", cells: [404, 200, 200, 404, 404, 200, 403, 200, 401, 401, 401, 401], request: (f) => ({ path: `/api/v1/images/${f.privateImage.id}/download?size=300` }) },
  { method: "GET",    route: "/api/v1/images/[id]/download", case: "public image",  cells: [200, 200, 200, 200, 200, 200, 403, 200, 401, 401, 401, 401], request: (f) => ({ path: `/api/v1/images/${f.publicImage.id}/download?size=300` }) },
  { method: "GET",    route: "/api/v1/images/[id]/files/[variant]", case: "private image", cells: [404, 200, 200, 404, 404, 200, 403, 200, 401, 401, 401, 401], request: (f) => ({ path: `/api/v1/images/${f.privateImage.id}/files/150` }) },
  { method: "GET",    route: "/api/v1/images/[id]/files/[variant]", case: "public image",  cells: [200, 200, 200, 200, 200, 200, 403, 200, 401, 401, 401, 401], request: (f) => ({ path: `/api/v1/images/${f.publicImage.id}/files/150` }) },
  { method: "POST",   route: "/api/v1/images/archive",   case: "private image", cells: [401, 200, 200, 404, 404, 200, 403, 200, 401, 401, 401, 401], request: (f) => ({ path: "/api/v1/images/archive", body: { imageIds: [f.privateImage.id], size: "150" } }) },
  // Bulk actions skip images that are not the caller's: 200, with nothing of the owner's touched.
  { method: "POST",   route: "/api/v1/images/bulk",      case: "favorite",      cells: [401, 200, 200, 200, 200, 403, 200, 200, 401, 401, 401, 401], request: (f) => ({ path: "/api/v1/images/bulk", body: { action: "setFavorite", favorite: true, imageIds: [f.privateImage.id] } }) },
  { method: "POST",   route: "/api/v1/images/bulk",      case: "delete",        cells: [401, 200, 200, 200, 200, 403, 200, 200, 401, 401, 401, 401], fresh: freshImage, request: (f) => ({ path: "/api/v1/images/bulk", body: { action: "delete", imageIds: [f.fresh.image] } }) },
  { method: "POST",   route: "/api/v1/images/[id]/keep", case: "private image", cells: [401, 200, 200, 404, 404, 403, 200, 200, 401, 401, 401, 401], request: (f) => ({ path: `/api/v1/images/${f.privateImage.id}/keep` }) },
  { method: "DELETE", route: "/api/v1/images/[id]/keep", case: "private image", cells: [401, 200, 200, 404, 404, 403, 200, 200, 401, 401, 401, 401], request: (f) => ({ path: `/api/v1/images/${f.privateImage.id}/keep` }) },
  { method: "GET",    route: "/api/v1/retention",                               cells: [401, 200, 200, 200, 200, 200, 403, 200, 401, 401, 401, 401], request: () => ({ path: "/api/v1/retention" }) },
  { method: "POST",   route: "/api/v1/retention/keep-all",                      cells: [401, 200, 200, 200, 200, 403, 200, 200, 401, 401, 401, 401], request: () => ({ path: "/api/v1/retention/keep-all" }) },
  { method: "POST",   route: "/api/v1/prompts/enhance",                         cells: [401, 200, 200, 200, 200, 403, 200, 200, 401, 401, 401, 401], request: () => ({ path: "/api/v1/prompts/enhance", body: { prompt: "a matrix of lights" } }) },
  { method: "GET",    route: "/api/v1/generation/timings",                      cells: [401, 200, 200, 200, 200, 200, 403, 200, 401, 401, 401, 401], request: () => ({ path: "/api/v1/generation/timings" }) },

  // Collections: the same rules as images.
  { method: "GET",    route: "/api/v1/gallery/collections",                     cells: [401, 200, 200, 200, 200, 200, 403, 200, 401, 401, 401, 401], request: () => ({ path: "/api/v1/gallery/collections" }) },
  { method: "POST",   route: "/api/v1/gallery/collections",                     cells: [401, 201, 201, 201, 201, 403, 201, 201, 401, 401, 401, 401], request: () => ({ path: "/api/v1/gallery/collections", body: { name: `Matrix ${++unique}` } }) },
  { method: "GET",    route: "/api/v1/gallery/collections/[id]", case: "private collection", cells: [404, 200, 200, 404, 404, 200, 403, 200, 401, 401, 401, 401], request: (f) => ({ path: `/api/v1/gallery/collections/${f.privateCollection.id}` }) },
  { method: "GET",    route: "/api/v1/gallery/collections/[id]", case: "public collection",  cells: [200, 200, 200, 200, 200, 200, 403, 200, 401, 401, 401, 401], request: (f) => ({ path: `/api/v1/gallery/collections/${f.publicCollection.id}` }) },
  { method: "PATCH",  route: "/api/v1/gallery/collections/[id]", case: "private collection", cells: [401, 200, 200, 404, 404, 403, 200, 200, 401, 401, 401, 401], request: (f) => ({ path: `/api/v1/gallery/collections/${f.privateCollection.id}`, body: { description: "Changed" } }) },
  { method: "PATCH",  route: "/api/v1/gallery/collections/[id]", case: "public collection",  cells: [401, 200, 200, 404, 404, 403, 200, 200, 401, 401, 401, 401], request: (f) => ({ path: `/api/v1/gallery/collections/${f.publicCollection.id}`, body: { description: "Changed" } }) },
  { method: "DELETE", route: "/api/v1/gallery/collections/[id]", case: "private collection", cells: [401, 200, 200, 404, 404, 403, 200, 200, 401, 401, 401, 401], fresh: freshCollection, request: (f) => ({ path: `/api/v1/gallery/collections/${f.fresh.collection}` }) },
  { method: "GET",    route: "/api/v1/gallery/collections/[id]/images", case: "private collection", cells: [404, 200, 200, 404, 404, 200, 403, 200, 401, 401, 401, 401], request: (f) => ({ path: `/api/v1/gallery/collections/${f.privateCollection.id}/images` }) },
  { method: "GET",    route: "/api/v1/gallery/collections/[id]/images", case: "public collection",  cells: [200, 200, 200, 200, 200, 200, 403, 200, 401, 401, 401, 401], request: (f) => ({ path: `/api/v1/gallery/collections/${f.publicCollection.id}/images` }) },
  { method: "POST",   route: "/api/v1/gallery/collections/[id]/images", case: "private collection", cells: [401, 201, 201, 404, 404, 403, 201, 201, 401, 401, 401, 401], request: (f) => ({ path: `/api/v1/gallery/collections/${f.privateCollection.id}/images`, body: { imageId: f.privateImage.id } }) },
  { method: "DELETE", route: "/api/v1/gallery/collections/[id]/images/[imageId]", case: "private collection", cells: [401, 200, 200, 404, 404, 403, 200, 200, 401, 401, 401, 401], fresh: freshCollection, request: (f) => ({ path: `/api/v1/gallery/collections/${f.fresh.collection}/images/${f.privateImage.id}` }) },

  // Admin: an admin's session only; everyone else, API keys and failing credentials included, is told there is no such endpoint (404), as an unknown path answers.
  { method: "GET",    route: "/api/v1/admin/users",                             cells: [404, 404, 404, 404, 200, 404, 404, 404, 404, 404, 404, 404], request: () => ({ path: "/api/v1/admin/users?q=example" }) },
  { method: "GET",    route: "/api/v1/admin/users/[id]",                        cells: [404, 404, 404, 404, 200, 404, 404, 404, 404, 404, 404, 404], request: () => ({ path: `/api/v1/admin/users/${other.user.id}` }) },
  { method: "PATCH",  route: "/api/v1/admin/users/[id]",                        cells: [404, 404, 404, 404, 200, 404, 404, 404, 404, 404, 404, 404], request: () => ({ path: `/api/v1/admin/users/${other.user.id}`, body: { monthlyLimit: null } }) },
  { method: "DELETE", route: "/api/v1/admin/users/[id]",                        cells: [404, 404, 404, 404, 200, 404, 404, 404, 404, 404, 404, 404], fresh: async () => ({ account: (await signUp("matrix-delete")).user.id }), request: (f) => ({ path: `/api/v1/admin/users/${f.fresh.account}` }) },
  { method: "GET",    route: "/api/v1/admin/audit",                             cells: [404, 404, 404, 404, 200, 404, 404, 404, 404, 404, 404, 404], request: () => ({ path: "/api/v1/admin/audit?action=auth.&limit=5" }) },
  { method: "GET",    route: "/api/v1/admin/stats",                             cells: [404, 404, 404, 404, 200, 404, 404, 404, 404, 404, 404, 404], request: () => ({ path: "/api/v1/admin/stats?days=7" }) },
  { method: "GET",    route: "/api/v1/admin/settings",                          cells: [404, 404, 404, 404, 200, 404, 404, 404, 404, 404, 404, 404], request: () => ({ path: "/api/v1/admin/settings" }) },
  { method: "PATCH",  route: "/api/v1/admin/settings",                          cells: [404, 404, 404, 404, 200, 404, 404, 404, 404, 404, 404, 404], request: () => ({ path: "/api/v1/admin/settings", body: { privateImageRetentionDays: null } }) },
  { method: "GET",    route: "/api/v1/admin/templates",                         cells: [404, 404, 404, 404, 200, 404, 404, 404, 404, 404, 404, 404], request: () => ({ path: "/api/v1/admin/templates" }) },
  { method: "POST",   route: "/api/v1/admin/templates",                         cells: [404, 404, 404, 404, 201, 404, 404, 404, 404, 404, 404, 404], request: () => ({ path: "/api/v1/admin/templates", body: { name: `Matrix new ${++unique}`, category: "design", hidden: true } }) },
  { method: "GET",    route: "/api/v1/admin/templates/[id]",                    cells: [404, 404, 404, 404, 200, 404, 404, 404, 404, 404, 404, 404], request: (f) => ({ path: `/api/v1/admin/templates/${f.templateId}` }) },
  { method: "PATCH",  route: "/api/v1/admin/templates/[id]",                    cells: [404, 404, 404, 404, 200, 404, 404, 404, 404, 404, 404, 404], fresh: freshTemplate, cleanUp: deleteFreshTemplate, request: (f) => ({ path: `/api/v1/admin/templates/${f.fresh.template}`, body: { description: "Changed by an admin" } }) },
  { method: "DELETE", route: "/api/v1/admin/templates/[id]",                    cells: [404, 404, 404, 404, 200, 404, 404, 404, 404, 404, 404, 404], fresh: freshTemplate, cleanUp: deleteFreshTemplate, request: (f) => ({ path: `/api/v1/admin/templates/${f.fresh.template}` }) },
  { method: "POST",   route: "/api/v1/admin/templates/reorder",                 cells: [404, 404, 404, 404, 200, 404, 404, 404, 404, 404, 404, 404], fresh: freshTemplate, cleanUp: deleteFreshTemplate, request: (f) => ({ path: "/api/v1/admin/templates/reorder", body: { ids: [f.fresh.template] } }) },
];

// ---------------------------------------------------------------------------------------------
// Routes as the file system has them
// ---------------------------------------------------------------------------------------------

type RouteModule = Partial<Record<HttpMethod, unknown>> & Record<string, unknown>;
type Handler = Parameters<ApiCaller["raw"]>[0];

const APP_DIR = join(process.cwd(), "src", "app");

function routeFiles(dir = APP_DIR): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? routeFiles(join(dir, entry.name))
      : entry.name === "route.ts"
        ? [join(dir, entry.name)]
        : [],
  );
}

/** src/app/(group)/api/v1/images/[id]/route.ts → /api/v1/images/[id] */
function routeOf(file: string): string {
  const segments = relative(APP_DIR, file).split(sep).slice(0, -1);
  return `/${segments.filter((segment) => !/^\(.*\)$/.test(segment)).join("/")}`;
}

/** The handler's params for a concrete path, as Next derives them from the route's folders. */
function paramsOf(route: string, path: string): Record<string, string | string[]> {
  const pattern = route.split("/");
  const actual = path.split("?")[0]!.split("/");
  const params: Record<string, string | string[]> = {};
  pattern.forEach((segment, index) => {
    const catchAll = /^\[\.\.\.(\w+)\]$/.exec(segment);
    const single = /^\[(\w+)\]$/.exec(segment);
    if (catchAll) params[catchAll[1]!] = actual.slice(index).map(decodeURIComponent);
    else if (single) params[single[1]!] = decodeURIComponent(actual[index]!);
  });
  return params;
}

const modules = new Map<string, RouteModule>();
async function loadRoutes(): Promise<void> {
  for (const file of routeFiles()) {
    modules.set(routeOf(file), (await import(/* @vite-ignore */ file)) as RouteModule);
  }
}
const exportedMethods = (routeModule: RouteModule) =>
  HTTP_METHODS.filter((method) => typeof routeModule[method] === "function");

function rowsFor(route: string, method: HttpMethod): Row[] {
  return TABLE.filter(
    (row) => row.route === route && (row.method === method || row.method === "*"),
  );
}

// ---------------------------------------------------------------------------------------------
// Credentials
// ---------------------------------------------------------------------------------------------

let fixture: Omit<Fixture, "fresh">;
let other: SignedUp;
let admin: SignedUp;
const keys = {} as Record<"read" | "write" | "both" | "revoked" | "expired", string>;

async function newSession(email: string): Promise<{ caller: ApiCaller; session: Session }> {
  const caller = new ApiCaller();
  const response = await caller.call<{ session: Session }>(login.POST, {
    method: "POST",
    path: "/api/v1/auth/login",
    body: { email, password: TEST_PASSWORD },
  });
  if (!response.body.success) throw new Error(`login failed: ${JSON.stringify(response.body)}`);
  return { caller, session: response.body.data.session };
}

/** One character changed, in the middle (a changed last base64 character may decode the same). */
function tampered(secret: string): string {
  const at = Math.floor(secret.length / 2) + 3;
  const replacement = secret[at] === "A" ? "B" : "A";
  return `${secret.slice(0, at)}${replacement}${secret.slice(at + 1)}`;
}

/** Keeps everyone under the limit of active keys: revokes all but the credentials' own. */
async function revokeMatrixKeys(): Promise<void> {
  await studio.database.query(
    "update public.api_keys set revoked_at = now() where revoked_at is null and key_hash <> all($1::text[])",
    [Object.values(keys).map(hashOf)],
  );
}

/** The digest the database keeps of an API key. */
const hashOf = (key: string) => createHash("sha256").update(key).digest("hex");

/** A caller presenting one credential; cookie and token credentials may be fresh sessions. */
async function callerFor(credential: Credential, freshSessions: boolean): Promise<ApiCaller> {
  const caller = new ApiCaller();
  const withCookiesOf = async (account: SignedUp) => {
    const source = freshSessions ? (await newSession(account.email)).caller : account.caller;
    for (const [name, value] of source.cookies) caller.cookies.set(name, value);
    return caller;
  };
  const bearer = (token: string) => {
    const originalRaw = caller.raw.bind(caller);
    caller.raw = (handler, options) =>
      originalRaw(handler, {
        ...options,
        headers: { ...options.headers, authorization: `Bearer ${token}` },
      });
    return caller;
  };
  const ownerToken = async () =>
    freshSessions
      ? (await newSession(fixture.owner.email)).session.accessToken
      : fixture.owner.session.accessToken;
  switch (credential) {
    case "anonymous":
      return caller;
    case "owner cookie":
      return withCookiesOf(fixture.owner);
    case "owner token":
      return bearer(await ownerToken());
    case "other user":
      return withCookiesOf(other);
    case "admin":
      return withCookiesOf(admin);
    case "key images:read":
      return bearer(keys.read);
    case "key images:write":
      return bearer(keys.write);
    case "key read+write":
      return bearer(keys.both);
    case "revoked key":
      return bearer(keys.revoked);
    case "expired key":
      return bearer(keys.expired);
    case "tampered token":
      return bearer(tampered(fixture.owner.session.accessToken));
    case "tampered key":
      return bearer(tampered(keys.both));
  }
}

// ---------------------------------------------------------------------------------------------
// Calling a cell
// ---------------------------------------------------------------------------------------------

const CODE_OF_STATUS: Record<number, string> = {
  401: "UNAUTHORIZED",
  403: "FORBIDDEN",
  404: "NOT_FOUND",
  405: "METHOD_NOT_ALLOWED",
};

interface Outcome {
  status: number;
  problem?: string;
}

async function callCell(
  routeModule: RouteModule,
  route: string,
  method: HttpMethod,
  row: Row,
  credential: Credential,
): Promise<Outcome> {
  const fresh = row.fresh ? await row.fresh({ ...fixture, fresh: {} }) : {};
  const request = row.request({ ...fixture, fresh });
  const caller = await callerFor(credential, row.freshSessions === true);
  const options: CallOptions = {
    method,
    path: request.path,
    params: paramsOf(route, request.path) as Record<string, string>,
    body: request.body,
    form: request.form,
    headers: request.headers,
  };
  const response = await caller.raw(routeModule[method] as Handler, options);
  if (row.cleanUp) await row.cleanUp(fresh);
  const text = method === "HEAD" ? "" : await response.text();
  const outcome: Outcome = { status: response.status };
  const type = response.headers.get("content-type") ?? "";
  if (response.status >= 400 && method !== "HEAD") {
    const envelope = JSON.parse(text) as { success?: boolean; error?: { code?: string } };
    const expected = CODE_OF_STATUS[response.status];
    if (envelope.success !== false || (expected && envelope.error?.code !== expected))
      outcome.problem = `not the ${expected ?? "error"} envelope: ${text.slice(0, 200)}`;
  }
  if (!OWNER_SIDE.has(credential) && response.status < 400 && /json|text/.test(type)) {
    for (const secret of [fixture.privateImage.id, fixture.privateCollection.id]) {
      if (text.includes(secret)) outcome.problem = `mentions the owner's private ${secret}`;
    }
  }
  return outcome;
}

async function runRow(route: string, method: HttpMethod, row: Row, expected: Cells) {
  const routeModule = modules.get(route)!;
  const failures: string[] = [];
  for (const [index, credential] of CREDENTIALS.entries()) {
    const outcome = await callCell(routeModule, route, method, row, credential);
    if (outcome.status !== expected[index])
      failures.push(`${credential}: ${outcome.status}, expected ${expected[index]}`);
    else if (outcome.problem) failures.push(`${credential}: ${outcome.problem}`);
  }
  return failures;
}

// ---------------------------------------------------------------------------------------------

beforeAll(async () => {
  gemini = await startFakeGeminiServer();
  studio = await startTestStudio({
    DEMO_PROVIDER: "on",
    GEMINI_API_BASE_URL: gemini.url,
    AUTH_RATE_LIMIT_PER_MINUTE: "10000",
    GENERATE_RATE_LIMIT_PER_MINUTE: "10000",
    DAILY_GENERATION_LIMIT: "10000",
    CRON_SECRET: "a cron secret none of the credentials is",
  });
  await loadRoutes();
  const owner = await signUp("matrix-owner");
  other = await signUp("matrix-other");
  admin = await signUp("matrix-admin");
  await studio.database.query("update public.profiles set role = 'admin' where id = $1", [
    admin.user.id,
  ]);
  const key = async (scopes: ("images:read" | "images:write")[]) =>
    (
      await studio.services.apiKeys.create({
        userId: owner.user.id,
        name: `Matrix ${scopes.join(" ")}`,
        scopes,
        expiresInDays: 30,
        audit,
      })
    ).key;
  keys.read = await key(["images:read"]);
  keys.write = await key(["images:write"]);
  keys.both = await key(["images:read", "images:write"]);
  keys.revoked = await key(["images:read", "images:write"]);
  keys.expired = await key(["images:read", "images:write"]);
  await studio.database.query("update public.api_keys set revoked_at = now() where key_hash = $1", [
    hashOf(keys.revoked),
  ]);
  await studio.database.query(
    "update public.api_keys set expires_at = now() - interval '1 minute' where key_hash = $1",
    [hashOf(keys.expired)],
  );

  const [privateId, publicId] = await seedImagesWithFiles(studio, {
    userId: owner.user.id,
    count: 2,
    prompt: (i) => (i === 0 ? "a private matrix" : "a public matrix"),
    isPublic: (i) => i === 1,
  });
  const image = (id: string) => studio.services.images.getImage({ id, viewerId: owner.user.id });
  const privateCollection = await studio.services.gallery.createCollection({
    userId: owner.user.id,
    input: { name: "Private matrix" },
  });
  const publicCollection = await studio.services.gallery.createCollection({
    userId: owner.user.id,
    input: { name: "Public matrix", isPublic: true },
  });
  for (const [collectionId, imageId] of [
    [privateCollection.id, privateId!],
    [publicCollection.id, publicId!],
    // A public collection may hold private images: visitors never see them.
    [publicCollection.id, privateId!],
  ] as const) {
    await studio.services.gallery.addImage({ collectionId, imageId, userId: owner.user.id });
  }
  // ...and its owner may choose one as the cover: visitors must not learn which.
  await studio.database.query("update public.collections set cover_image_id = $1 where id = $2", [
    privateId,
    publicCollection.id,
  ]);
  const [template] = await studio.services.templates.listTemplates({});
  fixture = {
    owner,
    privateImage: await image(privateId!),
    publicImage: await image(publicId!),
    privateCollection,
    publicCollection,
    templateId: template!.id,
  };
});
afterAll(async () => {
  await studio?.dispose();
  await gemini?.close();
});

describe("access matrix", () => {
  it("has a row for every route and method the app serves, and none for anything it does not", () => {
    for (const route of [
      "/api/health",
      "/api/cron/daily",
      "/api/[...path]",
      "/api/v1/[...path]",
      "/share-target",
    ])
      expect([...modules.keys()]).toContain(route);
    const missing: string[] = [];
    for (const [route, routeModule] of modules) {
      for (const method of exportedMethods(routeModule)) {
        if (isDeclaredHandler(routeModule[method]) && rowsFor(route, method).length === 0)
          missing.push(`${method} ${route}`);
      }
    }
    expect(missing, "routes or methods without a row in TABLE").toEqual([]);
    const stale = TABLE.filter((row) => {
      const routeModule = modules.get(row.route);
      return !routeModule || (row.method !== "*" && typeof routeModule[row.method] !== "function");
    }).map((row) => `${row.method} ${row.route}`);
    expect(stale, "rows for routes or methods that do not exist").toEqual([]);
  });

  const declared = TABLE.filter((row) => row.method !== "*");
  it.each(
    declared.map(
      (row) => [`${row.method} ${row.route}${row.case ? ` (${row.case})` : ""}`, row] as const,
    ),
  )("%s", async (_label, row) => {
    const failures = await runRow(row.route, row.method as HttpMethod, row, row.cells);
    expect(failures).toEqual([]);
  });

  it("answers every method of the catch-all with the envelope's 404, whatever the credential", async () => {
    const failures: string[] = [];
    for (const [route, routeModule] of modules) {
      for (const row of TABLE.filter(
        (candidate) => candidate.route === route && candidate.method === "*",
      )) {
        for (const method of exportedMethods(routeModule)) {
          const found = await runRow(route, method, row, row.cells);
          failures.push(...found.map((failure) => `${method} ${route}: ${failure}`));
        }
      }
    }
    expect(failures).toEqual([]);
  });

  const bodiless = (row: Row): Row => ({
    ...row,
    fresh: undefined,
    cleanUp: undefined,
    request: (f) => ({ path: row.request({ ...f, fresh: {} }).path }),
  });

  it("answers the methods a route does not declare: HEAD as its GET, OPTIONS 200, the rest 405", async () => {
    const failures: string[] = [];
    let checked = 0;
    const all = (status: number): Cells => [status, status, status, status, status, status, status, status, status, status, status, status]; // prettier-ignore
    // Admin-only answers: the admin gets them; everyone else, failing credentials included, 404.
    const adminOnly = (status: number): Cells => [404, 404, 404, 404, status, 404, 404, 404, 404, 404, 404, 404]; // prettier-ignore
    for (const [route, routeModule] of modules) {
      const routeRows = TABLE.filter((row) => row.route === route);
      if (routeRows.some((row) => row.method === "*")) continue;
      for (const method of exportedMethods(routeModule)) {
        if (isDeclaredHandler(routeModule[method])) continue;
        // HEAD is its GET without the body; anything else is refused before a body is read.
        const gets = method === "HEAD" ? rowsFor(route, "GET") : [];
        const cases: [Row, Cells][] =
          gets.length > 0
            ? gets.map((row) => [row, row.cells])
            : [
                [
                  bodiless(routeRows[0]!),
                  (isAdminOnlyFilledIn(routeModule[method]) ? adminOnly : all)(
                    method === "OPTIONS" ? 200 : 405,
                  ),
                ],
              ];
        for (const [row, cells] of cases) {
          checked += 1;
          const found = await runRow(route, method, row, cells);
          failures.push(...found.map((failure) => `${method} ${route}: ${failure}`));
        }
      }
    }
    // Every route file declares its methods through routeMethods: most methods are filled in.
    expect(checked).toBeGreaterThan(100);
    expect(failures).toEqual([]);
  });
});
