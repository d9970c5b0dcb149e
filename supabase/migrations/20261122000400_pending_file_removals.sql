-- Files that must go unless an image row claims them, and that the object store has not
-- confirmed removed yet. A delete records its files here in the same transaction that deletes
-- the row, then removes them; a generation records its files before writing them and the
-- transaction that inserts the row clears the record. Only a confirmed removal clears the
-- others, and the daily cron retries what is due (remove_after). So a storage outage, a
-- timeout or a crash between two steps never leaves a file behind for good.
create table public.pending_file_removals (
  key text primary key check (char_length(key) between 1 and 400),
  reason text not null check (char_length(reason) between 1 and 64),
  attempts integer not null default 0 check (attempts >= 0),
  last_error text,
  created_at timestamptz not null default now(),
  -- not before: a generation still running has until then to write its row
  remove_after timestamptz not null default now(),
  last_attempt_at timestamptz
);
create index pending_file_removals_due_idx on public.pending_file_removals (remove_after, key);

-- No policy: the server alone reads and writes it.
alter table public.pending_file_removals enable row level security;
