import { describe, expect, it } from "vitest";
import { escapeHtml, html } from "./mail-markup";
import { MAIL_KINDS, renderTemplate, type MailKinds } from "./index";

const context = { studioName: "AI Image Studio", appUrl: "https://studio.example.com" };
const HOSTILE = `<script>alert("x")</script><img src=x onerror='y'>&amp;`;
const link = (path: string) => `https://studio.example.com${path}?t=${encodeURIComponent(HOSTILE)}`;

const samples: { [K in keyof MailKinds]: MailKinds[K] } = {
  "verify-email": { name: HOSTILE, verifyUrl: link("/verify"), expiresInHours: 48 },
  "reset-password": { resetUrl: link("/reset"), expiresInMinutes: 30 },
  "email-change-confirm": {
    newEmail: `${HOSTILE}@example.com`,
    confirmUrl: link("/confirm"),
    expiresInHours: 24,
  },
  "email-change-notice": {
    newEmail: `${HOSTILE}@example.com`,
    recoverUrl: link("/forgot"),
    stage: "requested",
  },
  "export-ready": {
    downloadUrl: link("/export"),
    imageCount: 3,
    sizeBytes: 5_400_000,
    expiresAt: "2026-12-08T10:00:00.000Z",
  },
  "account-deleted": { deletedAt: "2026-12-06T10:00:00.000Z" },
  "generation-finished": {
    generations: [
      { prompt: HOSTILE, url: link("/images/1") },
      { prompt: "a paper boat", url: link("/images/2") },
    ],
    galleryUrl: link("/gallery"),
    unsubscribeUrl: link("/unsubscribe"),
  },
};

const NOTIFICATIONS = new Set<string>(["generation-finished"]);

describe("mail templates", () => {
  it.each(MAIL_KINDS)("%s escapes every value it interpolates into HTML", (kind) => {
    const mail = renderTemplate(kind, samples[kind] as never, context);
    expect(mail.html).not.toContain("<script");
    expect(mail.html).not.toContain("<img");
    expect(mail.html).not.toMatch(/onerror='/);
    // What the person typed is still there, as text.
    if (kind !== "account-deleted" && kind !== "reset-password" && kind !== "export-ready")
      expect(mail.html).toContain(escapeHtml(`<script>alert("x")</script>`));
    // No raw quote can close an attribute early: every href is one whole URL.
    for (const href of mail.html.matchAll(/href="([^"]*)"/g)) {
      expect(() => new URL(href[1]!.replaceAll("&amp;", "&"))).not.toThrow();
    }
  });

  it.each(MAIL_KINDS)("%s carries the studio's name and a plain-text part", (kind) => {
    const mail = renderTemplate(kind, samples[kind] as never, context);
    expect(mail.subject.length).toBeGreaterThan(0);
    expect(mail.subject).not.toMatch(/[\r\n]/);
    expect(mail.html).toContain("AI Image Studio");
    expect(mail.text).toContain("AI Image Studio");
    // The text part is plain: the template's own markup stays out (typed text stays as typed).
    expect(mail.text).not.toMatch(/<(p|a|h1|div|html|body)[ >]/);
  });

  it.each(MAIL_KINDS)("%s has an unsubscribe link only if it is a notification", (kind) => {
    const mail = renderTemplate(kind, samples[kind] as never, context);
    if (NOTIFICATIONS.has(kind)) {
      expect(mail.html).toContain("Unsubscribe");
      expect(mail.text).toContain("Unsubscribe: https://studio.example.com/unsubscribe");
      expect(mail.headers["List-Unsubscribe"]).toMatch(
        /^<https:\/\/studio\.example\.com\/unsubscribe/,
      );
      expect(mail.headers["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click");
    } else {
      expect(mail.html).not.toContain("Unsubscribe");
      expect(mail.headers).toEqual({});
    }
  });

  it("puts the action link in both parts, so a text-only reader can use it", () => {
    const mail = renderTemplate("reset-password", samples["reset-password"], context);
    const url = new URL(samples["reset-password"].resetUrl).toString();
    expect(mail.text).toContain(url);
    expect(mail.html).toContain(`href="${escapeHtml(url)}"`);
  });

  it("refuses a link that is not http(s) rather than send a trap", () => {
    expect(() =>
      renderTemplate(
        "reset-password",
        { resetUrl: "javascript:alert(1)", expiresInMinutes: 30 },
        context,
      ),
    ).toThrow(/javascript:/);
  });

  it("escapes interpolations in the html tag and keeps markup it made itself", () => {
    const inner = html`<b>${"<i>"}</b>`;
    expect(html`<p>${inner}${`"&'`}</p>`.value).toBe("<p><b>&lt;i&gt;</b>&quot;&amp;&#39;</p>");
  });
});
