import { renderMail, type MailContext, type RenderedMail } from "./mail-layout";
import { mailText } from "./mail-text";

/** Yesterday's numbers (one finished UTC day) for the admins' daily summary. */
export interface AdminDailySummaryData {
  /** The UTC day, YYYY-MM-DD. */
  day: string;
  signups: number;
  generations: number;
  failures: number;
  quotaHits: number;
  activeUsers: number;
  totalUsers: number;
  filesBytes: number;
  filesLimitBytes: number;
  databaseBytes: number;
  databaseLimitBytes: number;
}

export function renderAdminDailySummary(
  data: AdminDailySummaryData,
  context: MailContext,
): RenderedMail {
  const { t, megabytes, percent } = mailText(context.locale ?? "en");
  const share = (used: number, limit: number) =>
    limit > 0 ? percent(Math.round((used / limit) * 100) / 100) : "none";
  return renderMail(
    {
      subject: t("admin.summary.subject", {
        studio: context.studioName,
        day: data.day,
        signups: data.signups,
        generations: data.generations,
      }),
      preview: t("admin.summary.preview", { active: data.activeUsers, failures: data.failures }),
      heading: t("admin.summary.heading", { day: data.day }),
      paragraphs: [
        t("admin.summary.users", { signups: data.signups, total: data.totalUsers }),
        t("admin.summary.generations", {
          stored: data.generations,
          failures: data.failures,
          quotaHits: data.quotaHits,
          active: data.activeUsers,
        }),
        t("admin.summary.storage", {
          files: megabytes(data.filesBytes),
          filesLimit: megabytes(data.filesLimitBytes),
          filesShare: share(data.filesBytes, data.filesLimitBytes),
          database: megabytes(data.databaseBytes),
          databaseLimit: megabytes(data.databaseLimitBytes),
          databaseShare: share(data.databaseBytes, data.databaseLimitBytes),
        }),
      ],
      action: { label: t("admin.action"), url: `${context.appUrl}/admin` },
      after: [t("admin.why")],
    },
    context,
  );
}
