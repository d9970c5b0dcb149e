import "server-only";
import { z } from "zod";
import { API_ERROR_STATUS } from "@/shared/api-errors";
import { deleteAccountInputSchema } from "@/shared/schemas/account";
import { adminAuditQuerySchema } from "@/shared/schemas/admin-audit";
import { adminStatsQuerySchema } from "@/shared/schemas/admin-stats";
import {
  adminTemplateCreateSchema,
  adminTemplatePatchSchema,
  adminTemplateReorderSchema,
  templatePreviewQuerySchema,
} from "@/shared/schemas/admin-templates";
import { adminUserPatchSchema, adminUsersQuerySchema } from "@/shared/schemas/admin-users";
import { systemSettingsPatchSchema } from "@/shared/schemas/system-settings";
import { apiKeyCreateSchema } from "@/shared/schemas/api-keys";
import {
  changeEmailInputSchema,
  changePasswordInputSchema,
  confirmEmailChangeInputSchema,
  forgotPasswordInputSchema,
  loginInputSchema,
  refreshInputSchema,
  registerInputSchema,
  resetPasswordInputSchema,
  verifyEmailInputSchema,
} from "@/shared/schemas/auth";
import {
  addToCollectionSchema,
  archiveInputSchema,
  bulkActionSchema,
  collectionImagesQuerySchema,
  collectionInputSchema,
  collectionPatchSchema,
  imageListQuerySchema,
  publicGalleryQuerySchema,
} from "@/shared/schemas/gallery";
import {
  downloadQuerySchema,
  editInputSchema,
  generateInputSchema,
  imagePatchSchema,
  variationsInputSchema,
} from "@/shared/schemas/images";
import {
  profilePatchSchema,
  providerKeyDeleteQuerySchema,
  providerKeyInputSchema,
  settingsPatchSchema,
} from "@/shared/schemas/settings";
import { unsubscribeBodySchema, unsubscribeQuerySchema } from "@/shared/schemas/notifications";
import { pushListQuerySchema, pushSubscriptionInputSchema } from "@/shared/schemas/push";
import { enhancePromptInputSchema } from "@/shared/schemas/prompts";
import { templateListQuerySchema } from "@/shared/schemas/templates";

type Auth = "none" | "optional" | "session" | "write" | "read" | "cron" | "admin";
interface Operation {
  method: "get" | "post" | "put" | "patch" | "delete";
  path: string;
  summary: string;
  auth: Auth;
  body?: z.ZodType;
  /** Body types besides JSON, with the same fields (see the route's `bodyKinds`). */
  alsoAccepts?: ("application/x-www-form-urlencoded" | "multipart/form-data")[];
  query?: z.ZodObject;
  success?: number;
  binary?: string;
  /** The success answer is a redirect (`success` its status) with a Location, not the envelope. */
  redirect?: string;
  /** Another type the success answer may have besides the envelope (e.g. `format=csv`). */
  alsoAnswers?: string;
}

// One line per endpoint; the request schemas are the very ones the handlers parse with.
const OPERATIONS: Operation[] = [
  {
    method: "post",
    path: "/auth/register",
    summary: "Create an account and sign it in",
    auth: "none",
    body: registerInputSchema,
    success: 201,
  },
  {
    method: "post",
    path: "/auth/login",
    summary: "Sign in with email and password",
    auth: "none",
    body: loginInputSchema,
  },
  { method: "post", path: "/auth/logout", summary: "Revoke the current session", auth: "session" },
  {
    method: "post",
    path: "/auth/refresh",
    summary: "Rotate a refresh token",
    auth: "none",
    body: refreshInputSchema,
  },
  {
    method: "post",
    path: "/auth/password/forgot",
    summary: "Mail a password reset link (the same answer for any email)",
    auth: "none",
    body: forgotPasswordInputSchema,
  },
  {
    method: "post",
    path: "/auth/password/reset",
    summary:
      "Set a new password with a mailed token (Supabase Auth: or with the session its link opened); every session ends",
    auth: "none",
    body: resetPasswordInputSchema,
  },
  {
    method: "put",
    path: "/auth/password",
    summary: "Change the password; every other session ends",
    auth: "session",
    body: changePasswordInputSchema,
  },
  {
    method: "post",
    path: "/auth/email/verify",
    summary: "Confirm the account's email address with the mailed token",
    auth: "none",
    body: verifyEmailInputSchema,
  },
  {
    method: "post",
    path: "/auth/email/verify/resend",
    summary: "Mail a fresh email confirmation link (rate limited)",
    auth: "session",
  },
  {
    method: "post",
    path: "/auth/email/change",
    summary: "Ask to change the email (password required); confirmed by a link to the new address",
    auth: "session",
    body: changeEmailInputSchema,
  },
  {
    method: "post",
    path: "/auth/email/confirm",
    summary: "Move the account to the new address with the token mailed there",
    auth: "none",
    body: confirmEmailChangeInputSchema,
  },
  {
    method: "get",
    path: "/auth/sessions",
    summary: "The caller's live sessions (device, address, last seen), this one first",
    auth: "session",
  },
  {
    method: "delete",
    path: "/auth/sessions",
    summary: "Sign out everywhere else: every session but the caller's ends",
    auth: "session",
  },
  {
    method: "delete",
    path: "/auth/sessions/{id}",
    summary: "Sign one of the caller's sessions out (404 for anyone else's)",
    auth: "session",
  },
  {
    method: "get",
    path: "/auth/profile",
    summary: "User, quota, settings and provider key summary",
    auth: "session",
  },
  {
    method: "patch",
    path: "/auth/profile",
    summary: "Rename the caller",
    auth: "session",
    body: profilePatchSchema,
  },
  { method: "get", path: "/settings", summary: "Preferences", auth: "session" },
  {
    method: "patch",
    path: "/settings",
    summary: "Change preferences",
    auth: "session",
    body: settingsPatchSchema,
  },
  {
    method: "put",
    path: "/settings/provider-key",
    summary: "Check and store the user's Gemini key or Cloudflare account id + API token",
    auth: "session",
    body: providerKeyInputSchema,
  },
  {
    method: "delete",
    path: "/settings/provider-key",
    summary: "Forget one of the user's provider keys (?provider=gemini|cloudflare, default gemini)",
    auth: "session",
    query: providerKeyDeleteQuerySchema,
  },
  {
    method: "get",
    path: "/api-keys",
    summary: "The caller's API keys that are not revoked, newest first (never the key)",
    auth: "session",
  },
  {
    method: "post",
    path: "/api-keys",
    summary: "Create an API key; `{apiKey, key}` — the key is shown in this answer only",
    auth: "session",
    body: apiKeyCreateSchema,
    success: 201,
  },
  {
    method: "delete",
    path: "/api-keys/{id}",
    summary: "Revoke one of the caller's API keys",
    auth: "session",
  },
  {
    method: "get",
    path: "/account/export",
    summary:
      "Everything of the caller's as one streamed ZIP: originals, manifest.json, collections.json, settings.json",
    auth: "read",
    binary: "application/zip",
  },
  {
    method: "get",
    path: "/account/exports",
    summary:
      "The export's size estimate (`background`: prepared as a job rather than streamed) and the caller's latest exports",
    auth: "read",
  },
  {
    method: "post",
    path: "/account/exports",
    summary:
      "Start preparing everything as a ZIP in the background (202), or get the one already in preparation (200)",
    auth: "read",
    success: 202,
  },
  {
    method: "get",
    path: "/account/exports/{id}",
    summary:
      "One of the caller's exports: status, progress, size, expiry, download path when ready",
    auth: "read",
  },
  {
    method: "get",
    path: "/account/exports/{id}/download",
    summary: "A ready export's ZIP (409 while not ready; someone else's is 404)",
    auth: "read",
    binary: "application/zip",
  },
  {
    method: "delete",
    path: "/account",
    summary:
      "Delete the account and everything in it (type the email; local accounts: the password too)",
    auth: "session",
    body: deleteAccountInputSchema,
  },
  {
    method: "get",
    path: "/notifications/unsubscribe",
    summary:
      "A browser that opened a mail's List-Unsubscribe URL: 303 to the page that asks first (GET changes nothing)",
    auth: "none",
    query: unsubscribeQuerySchema,
    success: 303,
    redirect: "The /unsubscribe page for the same signed link",
  },
  {
    method: "post",
    path: "/notifications/unsubscribe",
    summary:
      "Turn email notifications off with a signed link, no sign-in (RFC 8058 one-click: List-Unsubscribe=One-Click)",
    auth: "none",
    query: unsubscribeQuerySchema,
    body: unsubscribeBodySchema,
    alsoAccepts: ["application/x-www-form-urlencoded", "multipart/form-data"],
  },
  {
    method: "get",
    path: "/notifications/push",
    summary:
      "Web Push: whether the host set it up (VAPID public key) and the caller's devices (`endpoint` marks this browser's)",
    auth: "session",
    query: pushListQuerySchema,
  },
  {
    method: "post",
    path: "/notifications/push",
    summary:
      "Notify this browser when a generation finishes unwatched: its PushSubscription {endpoint, keys: {p256dh, auth}}",
    auth: "session",
    body: pushSubscriptionInputSchema,
    success: 201,
  },
  {
    method: "delete",
    path: "/notifications/push/{id}",
    summary: "Stop notifying one of the caller's devices (404 for anyone else's)",
    auth: "session",
  },
  {
    method: "post",
    path: "/images/generate",
    summary:
      "Generate images (JSON with inputImageIds, or multipart with up to four `image` files; SSE with Accept: text/event-stream)",
    auth: "write",
    body: generateInputSchema,
    alsoAccepts: ["multipart/form-data"],
    success: 201,
  },
  {
    method: "post",
    path: "/prompts/enhance",
    summary:
      "Rewrite a prompt for the image model with a Gemini text model (style-aware with styleTemplateId); SSE `delta` events then `done` with Accept: text/event-stream; spends no image quota",
    auth: "write",
    body: enhancePromptInputSchema,
    alsoAnswers: "text/event-stream",
  },
  {
    method: "post",
    path: "/images/{id}/edit",
    summary: "Derive a new image from an own or public image",
    auth: "write",
    body: editInputSchema,
    success: 201,
  },
  {
    method: "get",
    path: "/generations/{id}",
    summary:
      "One of the caller's generations (X-Generation-Id of a generate, edit or variations answer): status, images, failed; with Accept: text/event-stream its events from Last-Event-ID until `done` or `error`",
    auth: "read",
    alsoAnswers: "text/event-stream",
  },
  {
    method: "post",
    path: "/images/{id}/variations",
    summary:
      "1..4 new images from an own or public image, closer (strength 0) or freer (1); each has parentId = {id}",
    auth: "write",
    body: variationsInputSchema,
    success: 201,
  },
  {
    method: "get",
    path: "/images",
    summary: "Own images, newest first (or oldest first with sort=oldest)",
    auth: "read",
    query: imageListQuerySchema,
  },
  {
    method: "get",
    path: "/images/{id}",
    summary: "Own image, or anyone's public image",
    auth: "read",
  },
  {
    method: "patch",
    path: "/images/{id}",
    summary: "Change tags, visibility or favorite",
    auth: "write",
    body: imagePatchSchema,
  },
  {
    method: "delete",
    path: "/images/{id}",
    summary: "Delete an image and its files",
    auth: "write",
  },
  {
    method: "get",
    path: "/images/{id}/lineage",
    summary: "Edits the image came from and led to",
    auth: "read",
  },
  {
    method: "get",
    path: "/images/{id}/download",
    summary: "The file as an attachment; counts a download",
    auth: "read",
    query: downloadQuerySchema,
    binary: "image/webp",
  },
  {
    method: "get",
    path: "/images/{id}/files/{variant}",
    summary: "The image file (original, 1920, 800, 300, 150), immutable",
    auth: "read",
    binary: "image/webp",
  },
  {
    method: "post",
    path: "/images/bulk",
    summary: "Delete, publish, favorite or file many images",
    auth: "write",
    body: bulkActionSchema,
  },
  {
    method: "post",
    path: "/images/archive",
    summary: "Many images as one streamed ZIP",
    auth: "read",
    body: archiveInputSchema,
    alsoAccepts: ["application/x-www-form-urlencoded"],
    binary: "application/zip",
  },
  {
    method: "post",
    path: "/images/{id}/keep",
    summary: "Keep the image: exempt from private image retention until un-kept",
    auth: "write",
  },
  {
    method: "delete",
    path: "/images/{id}/keep",
    summary: "Un-keep the image: back under retention, with a fresh week's notice",
    auth: "write",
  },
  {
    method: "get",
    path: "/retention",
    summary: "The caller's private images the retention policy will remove, and when",
    auth: "read",
  },
  {
    method: "post",
    path: "/retention/keep-all",
    summary: "Keep every image the caller was told would be removed",
    auth: "write",
  },
  {
    method: "get",
    path: "/generation/timings",
    summary: "Median generation time of the caller",
    auth: "read",
  },
  {
    method: "get",
    path: "/gallery/public",
    summary: "Everyone's public images",
    auth: "none",
    query: publicGalleryQuerySchema,
  },
  { method: "get", path: "/gallery/collections", summary: "Own collections", auth: "read" },
  {
    method: "post",
    path: "/gallery/collections",
    summary: "Create a collection",
    auth: "write",
    body: collectionInputSchema,
    success: 201,
  },
  {
    method: "get",
    path: "/gallery/collections/{id}",
    summary: "Own or public collection",
    auth: "optional",
  },
  {
    method: "patch",
    path: "/gallery/collections/{id}",
    summary: "Rename, describe, cover, publish",
    auth: "write",
    body: collectionPatchSchema,
  },
  {
    method: "delete",
    path: "/gallery/collections/{id}",
    summary: "Delete a collection",
    auth: "write",
  },
  {
    method: "get",
    path: "/gallery/collections/{id}/images",
    summary: "A collection's images",
    auth: "optional",
    query: collectionImagesQuerySchema,
  },
  {
    method: "post",
    path: "/gallery/collections/{id}/images",
    summary: "Add an image",
    auth: "write",
    body: addToCollectionSchema,
    success: 201,
  },
  {
    method: "delete",
    path: "/gallery/collections/{id}/images/{imageId}",
    summary: "Remove an image",
    auth: "write",
  },
  {
    method: "get",
    path: "/admin/users",
    summary: "Admin: accounts newest first, searched by email or name, with usage and storage",
    auth: "admin",
    query: adminUsersQuerySchema,
  },
  {
    method: "get",
    path: "/admin/users/{id}",
    summary: "Admin: one account with its usage and storage",
    auth: "admin",
  },
  {
    method: "patch",
    path: "/admin/users/{id}",
    summary:
      "Admin: change an account's role (user, supporter, admin), limits or suspension (audited)",
    auth: "admin",
    body: adminUserPatchSchema,
  },
  {
    method: "delete",
    path: "/admin/users/{id}",
    summary:
      "Admin: delete an account and everything in it (the account-deletion path; audited); 409 for one's own",
    auth: "admin",
  },
  {
    method: "get",
    path: "/admin/audit",
    summary: "Admin: audit entries newest first, filtered; format=csv downloads every match",
    auth: "admin",
    query: adminAuditQuerySchema,
    alsoAnswers: "text/csv",
  },
  {
    method: "get",
    path: "/admin/stats",
    summary:
      "Admin: the dashboard for the last `days` UTC days (1..365, default 30, today live): generations, failures by code, active users, sign-ups, quota hits, shares, mail, latency p50/p95 and share over 15 s, top templates, storage against the free-tier limits",
    auth: "admin",
    query: adminStatsQuerySchema,
  },
  {
    method: "get",
    path: "/admin/settings",
    summary:
      "Admin: the live system settings (registration, invited addresses, default limits, per-role rate limits, email verification, retention, maintenance banner, moderation phrases)",
    auth: "admin",
  },
  {
    method: "patch",
    path: "/admin/settings",
    summary:
      "Admin: change some system settings; in force on every instance within SETTINGS_CACHE_SECONDS; each change audited with its old and new value",
    auth: "admin",
    body: systemSettingsPatchSchema,
  },
  {
    method: "get",
    path: "/admin/templates",
    summary: "Admin: every style template, hidden ones too, with how many images used each",
    auth: "admin",
  },
  {
    method: "post",
    path: "/admin/templates",
    summary:
      "Admin: create a style template (JSON, or multipart with a `preview` PNG, JPEG or WebP file stored as a 512 px WebP); audited",
    auth: "admin",
    body: adminTemplateCreateSchema,
    alsoAccepts: ["multipart/form-data"],
    success: 201,
  },
  {
    method: "get",
    path: "/admin/templates/{id}",
    summary: "Admin: one style template, hidden or not",
    auth: "admin",
  },
  {
    method: "patch",
    path: "/admin/templates/{id}",
    summary:
      "Admin: change a template's fields, hide or show it, or replace its preview (multipart `preview`); audited with before and after",
    auth: "admin",
    body: adminTemplatePatchSchema,
    alsoAccepts: ["multipart/form-data"],
  },
  {
    method: "delete",
    path: "/admin/templates/{id}",
    summary:
      "Admin: delete a template; images made with it keep their files and lose the link; audited",
    auth: "admin",
  },
  {
    method: "post",
    path: "/admin/templates/reorder",
    summary: "Admin: put these templates in this order (sortOrder 10, 20, 30…); audited",
    auth: "admin",
    body: adminTemplateReorderSchema,
  },
  {
    method: "get",
    path: "/templates",
    summary: "Style templates",
    auth: "none",
    query: templateListQuerySchema,
  },
  { method: "get", path: "/templates/{id}", summary: "One style template", auth: "none" },
  {
    method: "get",
    path: "/templates/{id}/preview",
    summary:
      "An uploaded template preview (WebP; immutable with the `v` its previewUrl names); shipped previews are files under /templates/",
    auth: "none",
    query: templatePreviewQuerySchema,
    binary: "image/webp",
  },
  {
    method: "get",
    path: "/templates/categories",
    summary: "Template categories with counts",
    auth: "none",
  },
];

const SECURITY: Record<Auth, Record<string, string[]>[] | undefined> = {
  none: [],
  optional: [{}, { session: [] }, { bearer: [] }, { apiKey: ["images:read"] }],
  session: [{ session: [] }, { bearer: [] }],
  read: [{ session: [] }, { bearer: [] }, { apiKey: ["images:read"] }],
  write: [{ session: [] }, { bearer: [] }, { apiKey: ["images:write"] }],
  cron: [{ cron: [] }],
  // An admin's session; anyone else (API keys included) gets 404 NOT_FOUND.
  admin: [{ session: [] }, { bearer: [] }],
};

const envelope = {
  type: "object",
  required: ["success", "meta"],
  properties: {
    success: { type: "boolean" },
    data: {},
    error: {
      type: "object",
      properties: {
        code: { $ref: "#/components/schemas/ErrorCode" },
        message: { type: "string" },
        details: {},
      },
    },
    meta: {
      type: "object",
      properties: {
        requestId: { type: "string" },
        timestamp: { type: "string", format: "date-time" },
        pagination: {
          type: "object",
          properties: {
            limit: { type: "integer" },
            nextCursor: { type: ["string", "null"] },
            hasMore: { type: "boolean" },
          },
        },
      },
    },
  },
};

/** The OpenAPI 3.1 document of /api/v1, built from the same Zod schemas the handlers use. */
export function buildOpenApiDocument(): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const operation of OPERATIONS) {
    const pathParams = [...operation.path.matchAll(/\{(\w+)\}/g)].map((match) => ({
      name: match[1],
      in: "path",
      required: true,
      schema: { type: "string" },
    }));
    const queryParams = operation.query
      ? Object.entries(
          z.toJSONSchema(operation.query, { io: "input", unrepresentable: "any" }).properties ?? {},
        ).map(([name, schema]) => ({
          name,
          in: "query",
          required: false,
          schema,
        }))
      : [];
    const success = operation.success ?? 200;
    const bodySchema = operation.body
      ? z.toJSONSchema(operation.body, { io: "input", unrepresentable: "any" })
      : undefined;
    (paths[operation.path] ??= {})[operation.method] = {
      summary: operation.summary,
      security: SECURITY[operation.auth],
      parameters: [...pathParams, ...queryParams],
      ...(operation.body
        ? {
            requestBody: {
              // Optional when the schema takes no body at all (e.g. variations' defaults).
              required: !operation.body.safeParse(undefined).success,
              content: Object.fromEntries(
                ["application/json", ...(operation.alsoAccepts ?? [])].map((type) => [
                  type,
                  { schema: bodySchema },
                ]),
              ),
            },
          }
        : {}),
      responses: {
        [success]: operation.redirect
          ? {
              description: operation.redirect,
              headers: { Location: { schema: { type: "string" } } },
            }
          : operation.binary
            ? {
                description: "The file",
                content: { [operation.binary]: { schema: { type: "string", format: "binary" } } },
              }
            : {
                description: "Success",
                content: {
                  "application/json": { schema: { $ref: "#/components/schemas/Envelope" } },
                  ...(operation.alsoAnswers
                    ? { [operation.alsoAnswers]: { schema: { type: "string" } } }
                    : {}),
                },
              },
        default: {
          description: "Error (see the error codes)",
          content: { "application/json": { schema: { $ref: "#/components/schemas/Envelope" } } },
        },
      },
    };
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "AI Image Studio API",
      version: "1",
      description:
        "See docs/api.md for error codes, headers and event streams. A method a path does not list answers 405 METHOD_NOT_ALLOWED with an Allow header.",
    },
    servers: [{ url: "/api/v1" }],
    components: {
      schemas: {
        Envelope: envelope,
        // The closed set of error codes; the status of each is in docs/api.md.
        ErrorCode: { type: "string", enum: Object.keys(API_ERROR_STATUS) },
      },
      securitySchemes: {
        session: { type: "apiKey", in: "cookie", name: "ais_session" },
        bearer: { type: "http", scheme: "bearer", bearerFormat: "JWT" },
        apiKey: {
          type: "http",
          scheme: "bearer",
          description: "ais_… API keys with scopes images:read, images:write",
        },
        cron: { type: "http", scheme: "bearer", description: "CRON_SECRET" },
      },
    },
    paths,
  };
}
