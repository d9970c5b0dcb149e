import { renderMail, type MailContext, type RenderedMail } from "./mail-layout";
import { mailText } from "./mail-text";

/** One alert rule that fired (src/server/alerts/admin-alerts.ts). */
export type AdminAlertData =
  | { rule: "error-rate"; hour: string; generations: number; failures: number }
  | { rule: "latency-p95"; hour: string; samples: number; p95Ms: number }
  | {
      rule: "storage";
      resource: "files" | "database";
      threshold: number;
      usedBytes: number;
      limitBytes: number;
    };

/** Tells every admin that an alert rule fired; at most one per rule and period. */
export function renderAdminAlert(data: AdminAlertData, context: MailContext): RenderedMail {
  const { t, megabytes, percent, number } = mailText(context.locale ?? "en");
  const studio = context.studioName;
  const dashboardUrl = `${context.appUrl}/admin`;
  let subject: string;
  let paragraphs: string[];
  switch (data.rule) {
    case "error-rate": {
      const values = {
        studio,
        share: percent(data.failures / data.generations),
        hour: data.hour,
        failures: data.failures,
        generations: data.generations,
      };
      subject = t("admin.errorRate.subject", values);
      paragraphs = [t("admin.errorRate.body", values), t("admin.errorRate.hint")];
      break;
    }
    case "latency-p95": {
      const values = {
        studio,
        seconds: number(data.p95Ms / 1000, 1),
        hour: data.hour,
        samples: data.samples,
      };
      subject = t("admin.latency.subject", values);
      paragraphs = [t("admin.latency.body", values)];
      break;
    }
    case "storage": {
      const values = {
        studio,
        threshold: data.threshold,
        used: megabytes(data.usedBytes),
        limit: megabytes(data.limitBytes),
        share: percent(data.usedBytes / data.limitBytes),
      };
      const files = data.resource === "files";
      subject = files
        ? t("admin.storage.subjectFiles", values)
        : t("admin.storage.subjectDatabase", values);
      paragraphs = [
        files ? t("admin.storage.bodyFiles", values) : t("admin.storage.bodyDatabase", values),
        t("admin.storage.hint"),
      ];
      break;
    }
  }
  return renderMail(
    {
      subject,
      preview: paragraphs[0]!,
      // Every subject reads "<studio>: <what happened>"; the heading is what happened.
      heading: subject.slice(studio.length + 2),
      paragraphs,
      action: { label: t("admin.action"), url: dashboardUrl },
      after: [t("admin.why")],
    },
    context,
  );
}
