-- Suspension of accounts by an admin (src/server/admin/users-admin.ts). While suspended_at is
-- set, the account's sessions, access tokens and API keys are refused with 401 UNAUTHORIZED
-- (details.reason "SUSPENDED") and its sign-in is refused the same way; restoring clears it.
alter table public.profiles add column suspended_at timestamptz;

-- The admin's list of accounts searches email and name, case-insensitively.
create index profiles_name_idx on public.profiles (lower(name));
create index profiles_created_idx on public.profiles (created_at desc, id desc);

-- "profiles: update own" lets a signed-in user update their own row through PostgREST: every
-- column, so also role, tier, the limit overrides and now suspended_at. Only the columns a
-- person may change of themselves stay writable by them; the server (service role, table
-- owner) changes the rest.
revoke update on public.profiles from anon, authenticated;
grant update (name, avatar_url) on public.profiles to authenticated;
