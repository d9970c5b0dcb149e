import { renderMail, type MailContext, type RenderedMail } from "./mail-layout";

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

const mb = (bytes: number) => `${(bytes / 1024 ** 2).toFixed(1)} MB`;
const percent = (share: number) => `${Math.round(share * 1000) / 10}%`;

/** Tells every admin that an alert rule fired; at most one per rule and period. */
export function renderAdminAlert(data: AdminAlertData, context: MailContext): RenderedMail {
  const dashboardUrl = `${context.appUrl}/admin`;
  let subject: string;
  let paragraphs: string[];
  switch (data.rule) {
    case "error-rate":
      subject = `${context.studioName}: ${percent(data.failures / data.generations)} of generations failed (${data.hour}:00 UTC)`;
      paragraphs = [
        `In the hour from ${data.hour}:00 UTC, ${data.failures} of ${data.generations} generations failed (the alert fires above 10%).`,
        "Failures by error code are on the dashboard; a provider outage or an invalid operator key are the usual causes.",
      ];
      break;
    case "latency-p95":
      subject = `${context.studioName}: slow generations, p95 ${(data.p95Ms / 1000).toFixed(1)} s (${data.hour}:00 UTC)`;
      paragraphs = [
        `In the hour from ${data.hour}:00 UTC, 95% of ${data.samples} generations took up to ${(data.p95Ms / 1000).toFixed(1)} s (the alert fires above 15 s).`,
      ];
      break;
    case "storage": {
      const what = data.resource === "files" ? "Image files" : "The database";
      subject = `${context.studioName}: ${data.resource === "files" ? "file storage" : "database"} over ${data.threshold}%`;
      paragraphs = [
        `${what} use ${mb(data.usedBytes)} of ${mb(data.limitBytes)} (${percent(data.usedBytes / data.limitBytes)}), past the ${data.threshold}% warning.`,
        "At 100% new generations are refused until space is freed: prune old private images in the system settings, or raise the limit if the plan allows it.",
      ];
      break;
    }
  }
  return renderMail(
    {
      subject,
      preview: paragraphs[0]!,
      heading: subject.slice(context.studioName.length + 2),
      paragraphs,
      action: { label: "Open the dashboard", url: dashboardUrl },
      after: ["You receive this because you are an admin of the studio."],
    },
    context,
  );
}
