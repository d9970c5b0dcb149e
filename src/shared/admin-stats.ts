/** GET /api/v1/admin/stats (API.md "Admin", extras in docs/api.md). */
export interface AdminStatsDay {
  /** A UTC day, YYYY-MM-DD. */
  date: string;
  /** Successful generations (stored images). */
  generations: number;
  /** Failed generations (quota refusals are counted in quotaHits instead). */
  failures: number;
  activeUsers: number;
  signups: number;
  /** Distinct users with a generation in the seven days ending on this day. */
  weeklyActiveUsers: number;
  quotaHits: number;
  publicShares: number;
  failuresByCode: Record<string, number>;
  mailSent: number;
  mailFailed: number;
  p50Ms: number | null;
  p95Ms: number | null;
}

export interface AdminStats {
  days: AdminStatsDay[];
  storage: {
    filesBytes: number;
    databaseBytes: number;
    filesLimitBytes: number;
    databaseLimitBytes: number;
    databaseKind: "pglite" | "postgres";
  };
  latency: {
    p50Ms: number | null;
    p95Ms: number | null;
    samples: number;
    over15sShare: number | null;
  };
  totals: {
    generations: number;
    failures: number;
    signups: number;
    quotaHits: number;
    publicShares: number;
    /** All downloads ever counted (images keep a running count, not one per day). */
    downloads: number;
  };
  failuresByCode: Record<string, number>;
  over15sShare: number | null;
  /** Distinct users with a generation in the last seven days. */
  weeklyActiveUsers: number;
  topTemplates: { templateId: string; name: string; generations: number }[];
  quotaHits: number;
  mail: { sent: number; failed: number };
}
