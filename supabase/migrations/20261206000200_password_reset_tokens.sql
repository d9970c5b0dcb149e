-- "Forgot password?" for local accounts (src/server/auth/local/local-passwords.ts). The token
-- itself goes out by mail and lives nowhere else: only its SHA-256 is kept. A token works once
-- (used_at) and for 30 minutes (expires_at, set by the server at issue). Issuing a new one
-- deletes the user's earlier ones, so only the latest link works. Supabase mode keeps none of
-- this: GoTrue issues and checks its own recovery tokens.
create table public.password_reset_tokens (
  token_hash text primary key check (char_length(token_hash) = 64),
  user_id uuid not null references auth.users (id) on delete cascade,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  used_at timestamptz
);
create index password_reset_tokens_user_idx on public.password_reset_tokens (user_id);

-- No policy: the server alone reads and writes it.
alter table public.password_reset_tokens enable row level security;
