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
  "retention-notice": {
    imageCount: 3,
    dueAt: "2026-12-13T04:00:00.000Z",
    retentionDays: 90,
    prompts: [HOSTILE, "a paper boat"],
    keepUrl: link("/settings"),
  },
  "admin-alert": { rule: "error-rate", hour: "2026-12-06T14", generations: 20, failures: 5 },
  "admin-daily-summary": {
    day: "2026-12-05",
    signups: 2,
    generations: 40,
    failures: 3,
    quotaHits: 1,
    activeUsers: 7,
    totalUsers: 31,
    filesBytes: 300 * 1024 ** 2,
    filesLimitBytes: 1024 ** 3,
    databaseBytes: 40 * 1024 ** 2,
    databaseLimitBytes: 500 * 1024 ** 2,
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
    if (
      ![
        "account-deleted",
        "reset-password",
        "export-ready",
        "admin-alert",
        "admin-daily-summary",
      ].includes(kind)
    )
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

  it("admin alerts say what fired, with the numbers, and link the dashboard", () => {
    const rate = renderTemplate("admin-alert", samples["admin-alert"], context);
    expect(rate.subject).toBe("AI Image Studio: 25% of generations failed (2026-12-06T14:00 UTC)");
    expect(rate.text).toContain("5 of 20 generations failed");
    expect(rate.text).toContain("https://studio.example.com/admin");
    const slow = renderTemplate(
      "admin-alert",
      { rule: "latency-p95", hour: "2026-12-06T15", samples: 12, p95Ms: 18_400 },
      context,
    );
    expect(slow.subject).toContain("p95 18.4 s");
    const full = renderTemplate(
      "admin-alert",
      {
        rule: "storage",
        resource: "database",
        threshold: 90,
        usedBytes: 460 * 1024 ** 2,
        limitBytes: 500 * 1024 ** 2,
      },
      context,
    );
    expect(full.subject).toBe("AI Image Studio: database over 90%");
    expect(full.text).toContain("460.0 MB of 500.0 MB (92%)");
    const summary = renderTemplate("admin-daily-summary", samples["admin-daily-summary"], context);
    expect(summary.subject).toBe("AI Image Studio on 2026-12-05: 2 new users, 40 generations");
    expect(summary.text).toContain("New users: 2 (31 in all).");
    expect(summary.text).toContain("40 stored, 3 failed, 1 refused by quota; 7 people generated.");
    expect(summary.text).toContain(
      "files 300.0 MB of 1024.0 MB (29%), database 40.0 MB of 500.0 MB (8%)",
    );
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

  it.each(MAIL_KINDS)(
    "%s is written in Indonesian for an Indonesian reader, with lang=id and no English sentence",
    (kind) => {
      const english = renderTemplate(kind, samples[kind], context);
      const indonesian = renderTemplate(kind, samples[kind], { ...context, locale: "id" });
      expect(english.html).toContain('<html lang="en">');
      expect(indonesian.html).toContain('<html lang="id">');
      expect(indonesian.subject).not.toBe(english.subject);
      // Every line of the English text part that is prose (not a link, a name or a number)
      // is absent from the Indonesian one.
      const prose = english.text
        .split("\n")
        .filter((line) => /[a-z]{3,} [a-z]{3,}/i.test(line))
        .filter((line) => line !== "AI Image Studio" && !line.includes("AI Image Studio ·"))
        .filter((line) => !line.includes("“"))
        .filter((line) => !line.startsWith("• "));
      expect(prose.length).toBeGreaterThan(0);
      for (const line of prose) expect(indonesian.text).not.toContain(line);
      if (NOTIFICATIONS.has(kind)) expect(indonesian.text).toContain("Berhenti berlangganan: ");
    },
  );

  it("formats dates and sizes in the reader's language, in UTC", () => {
    const exported = renderTemplate("export-ready", samples["export-ready"], {
      ...context,
      locale: "id",
    });
    expect(exported.text).toContain("8 Desember 2026 pukul 10.00 UTC");
    expect(exported.text).toContain("3 gambar");
    expect(exported.text).toContain("5,1 MB");
    const english = renderTemplate("export-ready", samples["export-ready"], context);
    expect(english.text).toContain("December 8, 2026 at 10:00 AM UTC");
    expect(english.text).toContain("3 images");
    expect(english.text).toContain("5.1 MB");
  });
});
