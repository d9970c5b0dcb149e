import type { Locale } from "@/i18n/locales";
import { html, safeLink, type SafeHtml } from "./mail-markup";
import { mailText } from "./mail-text";

/** What every template knows besides its own data. */
export interface MailContext {
  studioName: string;
  /** The studio's public origin, for links (APP_URL). */
  appUrl: string;
  /** The reader's language (the account's; English when unknown). */
  locale?: Locale;
}

/** A rendered message, ready for the outbox. */
export interface RenderedMail {
  subject: string;
  html: string;
  text: string;
  headers: Record<string, string>;
}

export interface MailBody {
  subject: string;
  /** One short line some clients show beside the subject. */
  preview: string;
  heading: string;
  /** Plain sentences; each becomes a paragraph (escaped) and a paragraph of the text part. */
  paragraphs: string[];
  action?: { label: string; url: string };
  /** Lines after the button, e.g. "If it was not you…". */
  after?: string[];
  /**
   * Notifications the person may turn off carry this link (and List-Unsubscribe headers);
   * account and security mail does not.
   */
  unsubscribeUrl?: string;
  /**
   * The URL in List-Unsubscribe when it differs from the footer's link: one that takes the
   * RFC 8058 POST (the footer's opens a page that asks first).
   */
  oneClickUnsubscribeUrl?: string;
}

// overflow-wrap: long links (tokens) wrap instead of widening the mail on a phone.
const WRAP =
  "max-width:560px;margin:0 auto;padding:24px;font:16px/1.5 sans-serif;color:#1f2937;overflow-wrap:anywhere;word-break:break-word";
const BUTTON =
  "display:inline-block;padding:10px 18px;border-radius:6px;background:#4f46e5;color:#ffffff;text-decoration:none;font-weight:600";
const FOOTER = "margin-top:32px;font-size:13px;color:#6b7280";

function paragraphs(lines: string[]): SafeHtml[] {
  return lines.map((line) => html`<p>${line}</p>`);
}

/** Lays out one message in light HTML and plain text, with the studio's name and footer. */
export function renderMail(body: MailBody, context: MailContext): RenderedMail {
  const home = safeLink(context.appUrl);
  const action = body.action ? { label: body.action.label, url: safeLink(body.action.url) } : null;
  const unsubscribe = body.unsubscribeUrl ? safeLink(body.unsubscribeUrl) : null;
  const oneClick = body.oneClickUnsubscribeUrl
    ? safeLink(body.oneClickUnsubscribeUrl)
    : unsubscribe;
  const after = body.after ?? [];
  const locale = context.locale ?? "en";
  const { t } = mailText(locale);

  const markup = html`<!doctype html>
    <html lang="${locale}">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width" />
        <title>${body.subject}</title>
      </head>
      <body style="margin:0;background:#f9fafb">
        <div style="display:none;max-height:0;overflow:hidden">${body.preview}</div>
        <div style="${WRAP}">
          <p style="font-weight:600;color:#4f46e5">${context.studioName}</p>
          <h1 style="font-size:20px;margin:16px 0">${body.heading}</h1>
          ${paragraphs(body.paragraphs)}
          ${
            action
              ? html`<p style="margin:24px 0">
                    <a href="${action.url}" style="${BUTTON}">${action.label}</a>
                  </p>
                  <p style="font-size:13px;color:#6b7280">
                    ${t("layout.openLink")} <a href="${action.url}">${action.url}</a>
                  </p>`
              : null
          }
          ${paragraphs(after)}
          <div style="${FOOTER}">
            <p>${context.studioName} · <a href="${home}">${new URL(home).host}</a></p>
            ${unsubscribe ? html`<p>${t("layout.whyUnsubscribe")} <a href="${unsubscribe}">${t("layout.unsubscribe")}</a></p>` : null}
          </div>
        </div>
      </body>
    </html> `;

  const text = [
    context.studioName,
    "",
    body.heading,
    "",
    ...body.paragraphs.flatMap((line) => [line, ""]),
    ...(action ? [`${action.label}: ${action.url}`, ""] : []),
    ...after.flatMap((line) => [line, ""]),
    "--",
    `${context.studioName} · ${home}`,
    ...(unsubscribe ? [`${t("layout.unsubscribe")}: ${unsubscribe}`] : []),
    "",
  ].join("\n");

  return {
    subject: body.subject,
    html: markup.value,
    text,
    headers: unsubscribe
      ? {
          // RFC 2369 / RFC 8058: mail clients show their own "Unsubscribe" for these.
          "List-Unsubscribe": `<${oneClick}>`,
          "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        }
      : {},
  };
}
