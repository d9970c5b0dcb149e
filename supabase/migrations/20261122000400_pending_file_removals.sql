-- Files whose image row is gone but which the object store has not confirmed removed yet.
-- A delete records its files here in the same transaction that deletes the row, then removes
-- them; only a confirmed removal clears the record, and the daily cron retries the rest. So a
-- storage outage, a timeout or a crash between the two steps never leaves a file behind.
create table public.pending_file_removals (
  key text primary key check (char_length(key) between 1 and 400),
  reason text not null check (char_length(reason) between 1 and 64),
  attempts integer not null default 0 check (attempts >= 0),
  last_error text,
  created_at timestamptz not null default now(),
  last_attempt_at timestamptz
);
create index pending_file_removals_created_idx on public.pending_file_removals (created_at);

-- No policy: the server alone reads and writes it.
alter table public.pending_file_removals enable row level security;
