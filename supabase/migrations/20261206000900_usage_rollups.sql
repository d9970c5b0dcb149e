-- Daily rollups of usage (the admin dashboard, GET /api/v1/admin/stats; issue #12).
-- One row per finished UTC day, computed once from usage_logs, profiles, images and mail_outbox by
-- src/server/usage/usage-rollups.ts (the daily cron, or lazily when stats ask for a day not yet
-- rolled up). A row is never recomputed: usage_logs older than 30 days are pruned afterwards,
-- and the rollup is what stays. Latency is kept as a histogram of successful generations
-- (counts per bucket, upper bounds in ms in latency_bounds_ms) so p50/p95 over any range of
-- days can be read from the summed buckets.

create table if not exists public.usage_daily_rollups (
  day date primary key,
  generations integer not null default 0,
  failures integer not null default 0,
  failures_by_code jsonb not null default '{}'::jsonb,
  quota_hits integer not null default 0,
  active_users integer not null default 0,
  -- distinct users with a generation in the seven days ending on this day
  weekly_active_users integer not null default 0,
  signups integer not null default 0,
  public_shares integer not null default 0,
  templates jsonb not null default '{}'::jsonb,
  latency_bounds_ms integer[] not null default '{}',
  latency_buckets integer[] not null default '{}',
  latency_samples integer not null default 0,
  over_15s integer not null default 0,
  mail_sent integer not null default 0,
  mail_failed integer not null default 0,
  computed_at timestamptz not null default now()
);

comment on table public.usage_daily_rollups is
  'Per-day usage aggregates for the admin dashboard; kept after usage_logs are pruned. Server only (RLS on, no policy).';

alter table public.usage_daily_rollups enable row level security;

