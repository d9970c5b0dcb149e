-- Admin alerts (issue #12): one row per alert rule and period that has mailed the admins, so
-- each rule fires at most once per period however often the checks run (the daily cron, and
-- the hourly look a request may trigger). src/server/alerts/admin-alerts.ts.
--   rule    'error-rate' | 'latency-p95'   period = the UTC hour, e.g. '2026-12-06T14'
--           'daily-summary'                period = the UTC day,  e.g. '2026-12-05'
--           'storage-files-80' | 'storage-files-90' | 'storage-database-80' | 'storage-database-90'
--                                          period = 'current': the row is removed once usage is
--                                          back under the threshold, so the next crossing mails again.
create table if not exists public.admin_alerts (
  rule text not null,
  period text not null,
  details jsonb not null default '{}'::jsonb,
  sent_at timestamptz not null default now(),
  primary key (rule, period)
);

comment on table public.admin_alerts is
  'Alerts mailed to admins, one row per rule and period. Server only (RLS on, no policy).';

alter table public.admin_alerts enable row level security;
