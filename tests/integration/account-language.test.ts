import { and, desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as register from "@/app/api/v1/auth/register/route";
import * as settings from "@/app/api/v1/settings/route";
import { mailOutbox, userSettings } from "@/server/db/schema";
import type { Session, Settings, User } from "@/shared/api-types";
import { ApiCaller } from "../support/api-caller";
import { startTestStudio, type TestStudio } from "../support/test-services";

/**
 * Issue #14: an account's language. GET /settings answers `locale` (the account's choice, else
 * what this request's cookie or browser asks for), PATCH /settings takes "en", "id" or null,
 * a new account starts in its sign-up language, and its mail is written in it.
 */
let studio: TestStudio;
let counter = 0;
const uniqueEmail = () => `lang${Date.now()}${++counter}@example.com`;
const newIp = () => `198.18.${counter % 250}.${++counter % 250}`;

beforeAll(async () => {
  studio = await startTestStudio();
});
afterAll(async () => {
  await studio?.dispose();
});

async function registerWith(headers: Record<string, string>) {
  const caller = new ApiCaller();
  const email = uniqueEmail();
  const response = await caller.call<{ user: User; session: Session }>(register.POST, {
    method: "POST",
    path: "/api/v1/auth/register",
    body: { email, password: "correct horse battery", name: "Sari" },
    headers: { "x-studio-client-ip": newIp(), ...headers },
  });
  if (!response.body.success) throw new Error(JSON.stringify(response.body));
  return { caller, email, userId: response.body.data.user.id };
}

const readSettings = (caller: ApiCaller, headers: Record<string, string> = {}) =>
  caller.call<Settings>(settings.GET, { path: "/api/v1/settings", headers });
const patchSettings = (caller: ApiCaller, body: unknown, headers: Record<string, string> = {}) =>
  caller.call<Settings>(settings.PATCH, {
    method: "PATCH",
    path: "/api/v1/settings",
    body,
    headers,
  });

async function storedLocale(userId: string) {
  const [row] = await studio.services.database.db
    .select({ locale: userSettings.locale })
    .from(userSettings)
    .where(eq(userSettings.userId, userId));
  return row?.locale;
}

async function newestMail(to: string, kind: string) {
  const [row] = await studio.services.database.db
    .select({ subject: mailOutbox.subject, text: mailOutbox.textBody, html: mailOutbox.htmlBody })
    .from(mailOutbox)
    .where(and(eq(mailOutbox.toEmail, to), eq(mailOutbox.kind, kind)))
    .orderBy(desc(mailOutbox.createdAt))
    .limit(1);
  return row ?? null;
}

describe("an account's language", () => {
  it("starts in the sign-up request's language and writes the verification mail in it", async () => {
    const indonesian = await registerWith({ "accept-language": "id-ID,id;q=0.9,en;q=0.8" });
    expect(await storedLocale(indonesian.userId)).toBe("id");
    const mail = await newestMail(indonesian.email, "verify-email");
    expect(mail?.subject).toBe("Konfirmasi email kamu untuk AI Image Studio");
    expect(mail?.text).toContain("Selamat datang, Sari");
    expect(mail?.html).toContain('<html lang="id">');
    expect(mail?.text).not.toContain("Please confirm");

    const english = await registerWith({ "accept-language": "en-GB,en;q=0.9" });
    expect(await storedLocale(english.userId)).toBe("en");
    expect((await newestMail(english.email, "verify-email"))?.subject).toBe(
      "Confirm your email for AI Image Studio",
    );

    // The cookie wins over the browser's languages.
    const byCookie = await registerWith({ cookie: "NEXT_LOCALE=id", "accept-language": "en" });
    expect(await storedLocale(byCookie.userId)).toBe("id");

    // A script that names no language chooses none: its pages follow each browser, its mail
    // is in English.
    const script = await registerWith({});
    expect(await storedLocale(script.userId)).toBeNull();
    expect((await newestMail(script.email, "verify-email"))?.subject).toBe(
      "Confirm your email for AI Image Studio",
    );
  });

  it("answers the account's choice in GET /settings, whatever the request's browser says", async () => {
    const { caller } = await registerWith({ "accept-language": "id" });
    const read = await readSettings(caller, { "accept-language": "en-US" });
    expect(read.body).toMatchObject({ success: true, data: { locale: "id" } });

    const changed = await patchSettings(caller, { locale: "en" });
    expect(changed.body).toMatchObject({ success: true, data: { locale: "en" } });
    const again = await readSettings(caller, { "accept-language": "id" });
    expect(again.body).toMatchObject({ success: true, data: { locale: "en" } });
  });

  it("follows the request's cookie, then Accept-Language, once the choice is cleared with null", async () => {
    const { caller, userId } = await registerWith({});
    const cleared = await patchSettings(caller, { locale: null }, { "accept-language": "id" });
    expect(cleared.body).toMatchObject({ success: true, data: { locale: "id" } });
    expect(await storedLocale(userId)).toBeNull();
    expect((await readSettings(caller, { "accept-language": "en" })).body).toMatchObject({
      data: { locale: "en" },
    });
    expect(
      (await readSettings(caller, { "accept-language": "en", cookie: "NEXT_LOCALE=id" })).body,
    ).toMatchObject({ data: { locale: "id" } });
    expect((await readSettings(caller, { "accept-language": "fr" })).body).toMatchObject({
      data: { locale: "en" },
    });
  });

  it("refuses a language the studio does not speak with VALIDATION_ERROR and keeps the old one", async () => {
    const { caller, userId } = await registerWith({ "accept-language": "id" });
    for (const locale of ["fr", "ID", "id-ID", "", 1, true]) {
      const refused = await patchSettings(caller, { locale });
      expect(refused.status, JSON.stringify(locale)).toBe(400);
      expect(refused.body).toMatchObject({
        success: false,
        error: { code: "VALIDATION_ERROR", details: { issues: [{ path: "locale" }] } },
      });
    }
    expect(await storedLocale(userId)).toBe("id");
  });
});
