-- A generation as a job (src/server/generation/generation-jobs.ts): a row from the moment a
-- generate, edit or variations request is accepted, run detached from the request (Next's
-- after()) so a closed tab or a dropped connection does not stop it. The request streams the
-- job's events while someone watches; GET /api/v1/generations/:id reports it and resumes its
-- event stream from Last-Event-ID (`events` is the log, an event's id is its position).
--
-- Quota: the units a job spent and has not yet settled are `quota_held` (spent on
-- quota_day / quota_month). A unit is settled in the transaction that stores its image, or in
-- the one that gives it back after a failure. A job whose process died (heartbeat_at older
-- than a couple of minutes while not finished) is failed by one conditional UPDATE that sets
-- quota_held to 0 and returns what it held, refunded in the same transaction: exactly once,
-- however many reapers race. A live process that wakes up afterwards finds its job finished
-- and neither stores nor refunds anything.
create table public.generation_jobs (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references auth.users (id) on delete cascade,
  action text not null check (char_length(action) between 1 and 40),
  status text not null default 'queued'
    check (status in ('queued', 'generating', 'storing', 'done', 'failed')),
  count smallint not null check (count between 1 and 4),
  -- what was asked (the validated input, parent and source image ids); never keys or bytes
  request jsonb not null default '{}'::jsonb,
  image_ids uuid[] not null default '{}',
  -- [{index, error: {code, message, details?}}] for the images that were not made
  failures jsonb not null default '[]'::jsonb,
  -- the job's error once it failed (the first failure's), null otherwise
  error jsonb,
  -- the event log the streams send and resume from (see above)
  events jsonb not null default '[]'::jsonb,
  quota_held smallint not null default 0 check (quota_held >= 0),
  quota_day date,
  quota_month date,
  attempt integer not null default 1 check (attempt >= 1),
  heartbeat_at timestamptz not null default now(),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  finished_at timestamptz
);
create index generation_jobs_user_idx on public.generation_jobs (user_id, created_at desc);
-- What the reaper looks for: unfinished jobs by heartbeat.
create index generation_jobs_running_idx on public.generation_jobs (heartbeat_at)
  where status in ('queued', 'generating', 'storing');

alter table public.generation_jobs enable row level security;
create policy "generation_jobs: read own" on public.generation_jobs
  for select to authenticated using ((select auth.uid()) = user_id);
