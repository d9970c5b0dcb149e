-- "Export everything" prepared in the background (src/server/account/account-exports.ts). A
-- gallery too large to stream within one function's time limit is built into storage by a job:
-- each step writes one part of the ZIP (a run of images, stored not deflated) and the directory
-- records for it as two objects under storage_path, then records them here, fenced on the
-- step's lease; the last step writes manifest.json, collections.json, settings.json and the
-- ZIP's central directory, and marks the job ready in the same transaction that queues the
-- export-ready mail. The download is the parts in order.
--
-- A step claims the job with FOR UPDATE SKIP LOCKED and a lease (lease_until, lease_token): a
-- step that dies (the function's time limit, a crash) leaves the lease to run out, and the next
-- request or the daily cron resumes from the cursor. Objects are recorded in
-- pending_file_removals before they are written and claimed by the transaction that lists them
-- in `parts`, so no object outlives its row; expiry (7 days), failure and account deletion queue
-- them for removal in the transaction that unlists them, so no row points at a missing object.
create table public.account_exports (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references auth.users (id) on delete cascade,
  status text not null default 'queued'
    check (status in ('queued', 'running', 'ready', 'failed', 'expired')),
  -- images made up to this moment are in the export (the streamed export's rule too)
  snapshot_at timestamptz not null default now(),
  images_total integer not null check (images_total >= 0),
  images_done integer not null default 0 check (images_done >= 0),
  -- bytes of the ZIP written so far (all of it once ready)
  bytes bigint not null default 0 check (bytes >= 0),
  -- the folder of its objects in the store: exports/<user>/<id>
  storage_path text not null check (char_length(storage_path) between 1 and 300),
  -- [{key, directoryKey, bytes, entries}] in order; the download is the keys' bytes in turn
  parts jsonb not null default '[]'::jsonb,
  -- the last image written (keyset on created_at, id), null before the first
  cursor_created_at timestamptz,
  cursor_id uuid,
  lease_token uuid,
  lease_until timestamptz,
  attempts integer not null default 0 check (attempts >= 0),
  expires_at timestamptz,
  error text check (char_length(error) <= 500),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  completed_at timestamptz
);
create index account_exports_user_idx on public.account_exports (user_id, created_at desc);
-- What a runner looks for: jobs not finished, by when their lease ends.
create index account_exports_due_idx on public.account_exports (lease_until nulls first, created_at)
  where status in ('queued', 'running');
create index account_exports_expiry_idx on public.account_exports (expires_at)
  where status = 'ready';
-- One export in preparation per person at a time.
create unique index account_exports_one_active_idx on public.account_exports (user_id)
  where status in ('queued', 'running');

-- No policy: the server alone reads and writes it.
alter table public.account_exports enable row level security;
