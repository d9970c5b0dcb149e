import { z } from "zod";

export const STATS_DAYS = { min: 1, max: 365, default: 30 } as const;

/** GET /admin/stats?days=1..365 (default 30): the last `days` UTC days, today included. */
export const adminStatsQuerySchema = z.object({
  days: z.coerce
    .number({ error: "days is a number." })
    .int({ error: "days is a whole number." })
    .min(STATS_DAYS.min, { error: `days is at least ${STATS_DAYS.min}.` })
    .max(STATS_DAYS.max, { error: `days is at most ${STATS_DAYS.max}.` })
    .default(STATS_DAYS.default),
});
export type AdminStatsQuery = z.infer<typeof adminStatsQuerySchema>;
