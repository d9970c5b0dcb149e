-- Email verification and change of email for local accounts (src/server/auth/local/local-email.ts).
-- One table for both kinds of mailed link: `verify` confirms the address the account has,
-- `change` moves the account to a new address. Only the token's SHA-256 is kept; the token
-- itself is in the mail. A token works once (used_at) until expires_at (24 hours to verify,
-- 1 hour to change), and only for `email`: a verify token for an address the account no longer
-- has confirms nothing. Issuing a new token of a kind deletes the user's earlier ones of that
-- kind, so only the latest link works. Supabase mode keeps none of this: GoTrue issues and
-- checks its own confirmation tokens.
create table public.email_tokens (
  token_hash text primary key check (char_length(token_hash) = 64),
  user_id uuid not null references auth.users (id) on delete cascade,
  purpose text not null check (purpose in ('verify', 'change')),
  email text not null check (char_length(email) between 3 and 254),
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  used_at timestamptz
);
create index email_tokens_user_idx on public.email_tokens (user_id, purpose);

-- No policy: the server alone reads and writes it.
alter table public.email_tokens enable row level security;

-- profiles.email follows auth.users.email, whoever changed it: a confirmed local change, or
-- Supabase Auth confirming an email change (which never tells our code directly).
create or replace function public.handle_auth_user_email_change() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  update public.profiles set email = coalesce(new.email, '') where id = new.id;
  return new;
end;
$$;

create trigger on_auth_user_email_changed after update of email on auth.users
  for each row when (old.email is distinct from new.email)
  execute function public.handle_auth_user_email_change();
