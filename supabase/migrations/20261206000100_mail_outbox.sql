-- The mail outbox, made durable. A service that must send mail inserts the message here in the
-- same transaction as the change it reports (a rollback takes the mail with it); after commit a
-- flusher claims due rows (FOR UPDATE SKIP LOCKED, so two flushers never take the same row),
-- sends each through the mailer with the row's id as the provider's idempotency key, and marks
-- it sent. A failure that may pass (5xx, 429, network) puts the row back with a later
-- next_attempt_at; after max attempts, or on a refusal that will not pass, it is `failed`, for
-- the operator to see. Claiming a row sets next_attempt_at to the end of a lease: a flusher that
-- dies mid-send leaves it `sending`, and another takes it over once the lease has run out (the
-- same idempotency key then stops the provider from delivering it twice).
--
-- The first schema created an outbox that nothing ever wrote to; it is replaced, not altered.
drop table if exists public.mail_outbox;

create table public.mail_outbox (
  id uuid primary key default gen_random_uuid(),
  kind text not null check (char_length(kind) between 1 and 64),
  -- set null, not cascade: the mail confirming an account's deletion outlives the account
  user_id uuid references auth.users (id) on delete set null,
  to_email text not null check (char_length(to_email) between 3 and 320),
  subject text not null check (char_length(subject) between 1 and 998),
  text_body text not null,
  html_body text not null,
  -- extra headers for the message (List-Unsubscribe on notifications)
  headers jsonb not null default '{}'::jsonb,
  -- a caller's key for "at most one of these" (e.g. one batched notice per user per hour)
  dedupe_key text unique check (char_length(dedupe_key) between 1 and 200),
  status text not null default 'pending'
    check (status in ('pending', 'sending', 'sent', 'failed')),
  attempts integer not null default 0 check (attempts >= 0),
  -- pending: when to try next; sending: when the sender's lease ends
  next_attempt_at timestamptz not null default now(),
  last_attempt_at timestamptz,
  last_error text check (char_length(last_error) <= 500),
  provider_message_id text,
  created_at timestamptz not null default now(),
  sent_at timestamptz
);
-- What the flusher reads: the due rows in order; sent ones drop out of the index.
create index mail_outbox_due_idx on public.mail_outbox (next_attempt_at, id)
  where status in ('pending', 'sending');
create index mail_outbox_user_idx on public.mail_outbox (user_id, created_at desc);
create index mail_outbox_failed_idx on public.mail_outbox (created_at desc) where status = 'failed';

-- No policy: the server alone reads and writes it.
alter table public.mail_outbox enable row level security;
