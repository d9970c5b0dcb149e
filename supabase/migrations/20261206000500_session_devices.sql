-- Sessions list in Supabase mode (src/server/auth/supabase/supabase-sessions.ts). Supabase Auth
-- (GoTrue) cannot list a user's sessions, nor end one session by id from the server, so the
-- studio keeps its own record of the Supabase sessions it sees (the JWT's `session_id`), with
-- what the server saw of them, and a revocation mark that the adapter checks on every request
-- (through the live-session cache). Local auth keeps all of this in local_sessions instead.
create table public.auth_session_devices (
  session_id uuid primary key,
  user_id uuid not null references auth.users (id) on delete cascade,
  user_agent text check (char_length(user_agent) <= 400),
  -- The address of the session's latest recorded request, as the server saw it.
  ip text check (char_length(ip) <= 64),
  created_at timestamptz not null default now(),
  -- Updated at most once a minute per session.
  last_seen_at timestamptz not null default now(),
  revoked_at timestamptz,
  revoke_reason text
);
create index auth_session_devices_user_idx on public.auth_session_devices (user_id, last_seen_at desc);

-- No policy: the server alone reads and writes it.
alter table public.auth_session_devices enable row level security;
