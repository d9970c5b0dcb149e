import type { AccountDeletedData } from "./account-deleted";
import { renderAdminAlert, type AdminAlertData } from "./admin-alert";
import { renderAdminDailySummary, type AdminDailySummaryData } from "./admin-daily-summary";
import { renderAccountDeleted } from "./account-deleted";
import { renderEmailChangeConfirm, type EmailChangeConfirmData } from "./email-change-confirm";
import { renderEmailChangeNotice, type EmailChangeNoticeData } from "./email-change-notice";
import { renderExportReady, type ExportReadyData } from "./export-ready";
import { renderGenerationFinished, type GenerationFinishedData } from "./generation-finished";
import type { MailContext, RenderedMail } from "./mail-layout";
import { renderResetPassword, type ResetPasswordData } from "./reset-password";
import { renderRetentionNotice, type RetentionNoticeData } from "./retention-notice";
import { renderVerifyEmail, type VerifyEmailData } from "./verify-email";

export type { MailContext, RenderedMail } from "./mail-layout";

/** Each kind of mail the studio sends and the data its template needs. */
export interface MailKinds {
  "verify-email": VerifyEmailData;
  "reset-password": ResetPasswordData;
  "email-change-confirm": EmailChangeConfirmData;
  "email-change-notice": EmailChangeNoticeData;
  "export-ready": ExportReadyData;
  "account-deleted": AccountDeletedData;
  "generation-finished": GenerationFinishedData;
  "admin-alert": AdminAlertData;
  "admin-daily-summary": AdminDailySummaryData;
  "retention-notice": RetentionNoticeData;
}

export type MailKind = keyof MailKinds;

const TEMPLATES: { [K in MailKind]: (data: MailKinds[K], context: MailContext) => RenderedMail } = {
  "verify-email": renderVerifyEmail,
  "reset-password": renderResetPassword,
  "email-change-confirm": renderEmailChangeConfirm,
  "email-change-notice": renderEmailChangeNotice,
  "export-ready": renderExportReady,
  "account-deleted": renderAccountDeleted,
  "generation-finished": renderGenerationFinished,
  "admin-alert": renderAdminAlert,
  "admin-daily-summary": renderAdminDailySummary,
  "retention-notice": renderRetentionNotice,
};

export const MAIL_KINDS = Object.keys(TEMPLATES) as MailKind[];

export function renderTemplate<K extends MailKind>(
  kind: K,
  data: MailKinds[K],
  context: MailContext,
): RenderedMail {
  return TEMPLATES[kind](data, context);
}
