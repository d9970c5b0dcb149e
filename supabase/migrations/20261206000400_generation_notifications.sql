-- Images that finished while their person was away, waiting to be told about by mail
-- (src/server/notifications/generation-notifications.ts). A generation is noted here when the
-- offline outbox sent it (X-Studio-Origin: outbox) or when its client had gone before the
-- image was stored (the tab was closed). Foreground generations are never noted.
--
-- At most one mail per user per hour: a row is due when the person's last "images are ready"
-- mail is an hour old (or at once if there was none), and every row of the user that is due
-- joins one mail. The flusher takes a user's rows with FOR UPDATE SKIP LOCKED, queues the mail
-- in mail_outbox under dedupe key `generation-finished:<user>:<hour>` and deletes the rows in
-- the same transaction, so two flushers never mail twice. A deleted image takes its row with it
-- (cascade); whether notifications are on is read when the mail is made, not here.
create table public.generation_notifications (
  image_id uuid primary key references public.images (id) on delete cascade,
  user_id uuid not null references public.profiles (id) on delete cascade,
  reason text not null check (reason in ('outbox', 'away')),
  created_at timestamptz not null default now(),
  due_at timestamptz not null
);
create index generation_notifications_due_idx on public.generation_notifications (due_at);
create index generation_notifications_user_idx on public.generation_notifications (user_id, due_at);

-- No policy: the server alone reads and writes it.
alter table public.generation_notifications enable row level security;
