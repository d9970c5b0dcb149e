/** The API's shapes for "export everything" prepared in the background (/api/v1/account/exports). */

export type AccountExportStatus = "queued" | "running" | "ready" | "failed" | "expired";

export interface AccountExport {
  id: string;
  status: AccountExportStatus;
  /** Images written so far of those the export will hold (made before it was asked for). */
  progress: { done: number; total: number };
  /** Bytes of the ZIP written so far; all of it once ready. */
  bytes: number;
  createdAt: string;
  updatedAt: string;
  completedAt: string | null;
  /** When a ready export's file is deleted (7 days after it was made). */
  expiresAt: string | null;
  /** Why a failed export failed, in words for people. */
  error: string | null;
  /** Same-origin path of the ZIP while ready, else null. */
  downloadUrl: string | null;
}

export interface AccountExportEstimate {
  images: number;
  /** The ZIP's expected size in bytes. */
  bytes: number;
  /** Over a limit below: prepared in the background rather than streamed at once. */
  background: boolean;
  limits: { images: number; bytes: number };
}

/** GET /api/v1/account/exports */
export interface AccountExportsOverview {
  estimate: AccountExportEstimate;
  /** What the caller's images take in the studio: every stored size of each (sum of total_bytes). */
  storage: { images: number; bytes: number };
  /** The caller's latest exports, newest first (at most 5). */
  exports: AccountExport[];
}

export const ACCOUNT_EXPORT_ACTIVE: readonly AccountExportStatus[] = ["queued", "running"];
