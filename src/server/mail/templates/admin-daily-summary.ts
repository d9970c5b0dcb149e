import { renderMail, type MailContext, type RenderedMail } from "./mail-layout";

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

const mb = (bytes: number) => `${(bytes / 1024 ** 2).toFixed(1)} MB`;
const share = (used: number, limit: number) =>
  limit > 0 ? ` (${Math.round((used / limit) * 100)}%)` : "";
const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export function renderAdminDailySummary(
  data: AdminDailySummaryData,
  context: MailContext,
): RenderedMail {
  const subject = `${context.studioName} on ${data.day}: ${count(data.signups, "new user", "new users")}, ${count(data.generations, "generation", "generations")}`;
  return renderMail(
    {
      subject,
      preview: `${count(data.activeUsers, "active user", "active users")}, ${count(data.failures, "failure", "failures")}.`,
      heading: `Daily summary for ${data.day} (UTC)`,
      paragraphs: [
        `New users: ${data.signups} (${data.totalUsers} in all).`,
        `Generations: ${data.generations} stored, ${data.failures} failed, ${data.quotaHits} refused by quota; ${count(data.activeUsers, "person", "people")} generated.`,
        `Storage: files ${mb(data.filesBytes)} of ${mb(data.filesLimitBytes)}${share(data.filesBytes, data.filesLimitBytes)}, database ${mb(data.databaseBytes)} of ${mb(data.databaseLimitBytes)}${share(data.databaseBytes, data.databaseLimitBytes)}.`,
      ],
      action: { label: "Open the dashboard", url: `${context.appUrl}/admin` },
      after: ["You receive this because you are an admin of the studio."],
    },
    context,
  );
}
