-- Foundation schema: every table the studio's free version needs, with Row Level Security
-- on every table. The server is the only database client; RLS is the wall behind PostgREST,
-- whose publishable key is public. Tables without policies are readable by the server only.

-- ---------------------------------------------------------------------------------------
-- Shared helpers
-- ---------------------------------------------------------------------------------------

create or replace function public.set_updated_at() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  new.updated_at := now();
  return new;
end;
$$;

-- ---------------------------------------------------------------------------------------
-- Profiles and settings
-- ---------------------------------------------------------------------------------------

create table public.profiles (
  id uuid primary key references auth.users (id) on delete cascade,
  email text not null,
  name text not null default '' check (char_length(name) <= 80),
  avatar_url text,
  role text not null default 'user' check (role in ('user', 'admin')),
  tier text not null default 'free' check (tier in ('free', 'supporter')),
  -- null: the deployment's default (DAILY_GENERATION_LIMIT); admins are unlimited anyway.
  daily_limit_override integer check (daily_limit_override >= 0),
  monthly_limit_override integer check (monthly_limit_override >= 0),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index profiles_email_idx on public.profiles (lower(email));
create trigger profiles_set_updated_at before update on public.profiles
  for each row execute function public.set_updated_at();

create table public.user_settings (
  user_id uuid primary key references public.profiles (id) on delete cascade,
  email_notifications boolean not null default true,
  default_quality text not null default 'standard' check (default_quality in ('standard', 'high')),
  default_aspect_ratio text not null default '1:1'
    check (default_aspect_ratio in ('1:1', '16:9', '9:16', '4:3', '3:4')),
  auto_save_gallery boolean not null default true,
  enable_offline_cache boolean not null default true,
  updated_at timestamptz not null default now()
);
create trigger user_settings_set_updated_at before update on public.user_settings
  for each row execute function public.set_updated_at();

-- A new auth user gets a profile and default settings, in both Supabase and embedded mode.
create or replace function public.handle_new_auth_user() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  insert into public.profiles (id, email, name, avatar_url)
  values (
    new.id,
    coalesce(new.email, ''),
    left(coalesce(nullif(new.raw_user_meta_data ->> 'name', ''), split_part(coalesce(new.email, ''), '@', 1)), 80),
    new.raw_user_meta_data ->> 'avatar_url'
  )
  on conflict (id) do nothing;
  insert into public.user_settings (user_id) values (new.id) on conflict (user_id) do nothing;
  return new;
end;
$$;

create trigger on_auth_user_created after insert on auth.users
  for each row execute function public.handle_new_auth_user();

-- The user's own provider key, encrypted by the server (AES-256-GCM, versioned key).
create table public.provider_keys (
  user_id uuid not null references public.profiles (id) on delete cascade,
  provider text not null check (provider in ('gemini')),
  ciphertext text not null,
  key_version integer not null,
  last4 text not null check (char_length(last4) <= 4),
  validated_at timestamptz not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (user_id, provider)
);
create trigger provider_keys_set_updated_at before update on public.provider_keys
  for each row execute function public.set_updated_at();

-- ---------------------------------------------------------------------------------------
-- Style templates
-- ---------------------------------------------------------------------------------------

create table public.style_templates (
  id uuid primary key default gen_random_uuid(),
  slug text not null unique,
  name text not null,
  description text not null default '',
  category text not null check (category in ('photography', 'illustration', 'art', 'design', '3d')),
  prompt_prefix text not null default '',
  prompt_suffix text not null default '',
  negative_prompt text not null default '',
  parameters jsonb not null default '{}'::jsonb,
  preview_url text not null,
  sort_order integer not null default 0,
  is_active boolean not null default true,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index style_templates_category_idx on public.style_templates (category, sort_order) where is_active;
create trigger style_templates_set_updated_at before update on public.style_templates
  for each row execute function public.set_updated_at();

-- ---------------------------------------------------------------------------------------
-- Images
-- ---------------------------------------------------------------------------------------

create table public.images (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references public.profiles (id) on delete cascade,
  prompt text not null check (char_length(prompt) between 1 and 1000),
  negative_prompt text check (char_length(negative_prompt) <= 500),
  style_template_id uuid references public.style_templates (id) on delete set null,
  aspect_ratio text not null check (aspect_ratio in ('1:1', '16:9', '9:16', '4:3', '3:4')),
  quality text not null check (quality in ('standard', 'high')),
  width integer not null check (width > 0),
  height integer not null check (height > 0),
  seed bigint not null,
  model text not null,
  tags text[] not null default '{}' check (cardinality(tags) <= 10),
  is_public boolean not null default false,
  favorite boolean not null default false,
  parent_id uuid references public.images (id) on delete set null,
  generation_time_ms integer not null default 0,
  download_count integer not null default 0,
  -- Where the files live in the object store: {storage_key}/original.{ext}, {storage_key}/{size}.{ext}
  storage_key text not null unique,
  mime_type text not null,
  byte_size integer not null,
  thumbnail_sizes integer[] not null default '{}',
  total_bytes bigint not null default 0,
  published_at timestamptz,
  search_vector tsvector not null default ''::tsvector,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
-- Own gallery, newest first (keyset on created_at, id).
create index images_user_created_idx on public.images (user_id, created_at desc, id desc);
create index images_user_favorite_idx on public.images (user_id, created_at desc, id desc) where favorite;
-- Public gallery: newest and popular.
create index images_public_created_idx on public.images (created_at desc, id desc) where is_public;
create index images_public_popular_idx on public.images (download_count desc, id desc) where is_public;
create index images_search_idx on public.images using gin (search_vector);
create index images_tags_idx on public.images using gin (tags);
create index images_parent_idx on public.images (parent_id) where parent_id is not null;
create index images_template_idx on public.images (style_template_id) where style_template_id is not null;
-- Retention: private images by age.
create index images_private_created_idx on public.images (created_at) where not is_public;

create or replace function public.images_update_search_vector() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  new.search_vector :=
    setweight(to_tsvector('english'::regconfig, coalesce(new.prompt, '')), 'A') ||
    setweight(to_tsvector('simple'::regconfig, array_to_string(new.tags, ' ')), 'B');
  return new;
end;
$$;
create trigger images_search_vector before insert or update of prompt, tags on public.images
  for each row execute function public.images_update_search_vector();
create trigger images_set_updated_at before update on public.images
  for each row execute function public.set_updated_at();

-- ---------------------------------------------------------------------------------------
-- Collections
-- ---------------------------------------------------------------------------------------

create table public.collections (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references public.profiles (id) on delete cascade,
  name text not null check (char_length(name) between 1 and 80),
  description text not null default '' check (char_length(description) <= 500),
  is_public boolean not null default false,
  cover_image_id uuid references public.images (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index collections_user_created_idx on public.collections (user_id, created_at desc, id desc);
create index collections_public_created_idx on public.collections (created_at desc, id desc) where is_public;
create trigger collections_set_updated_at before update on public.collections
  for each row execute function public.set_updated_at();

create table public.collection_images (
  collection_id uuid not null references public.collections (id) on delete cascade,
  image_id uuid not null references public.images (id) on delete cascade,
  added_at timestamptz not null default now(),
  primary key (collection_id, image_id)
);
create index collection_images_image_idx on public.collection_images (image_id);
create index collection_images_added_idx on public.collection_images (collection_id, added_at desc, image_id desc);

-- ---------------------------------------------------------------------------------------
-- Quotas, idempotency, usage, audit
-- ---------------------------------------------------------------------------------------

-- One row per user; spent with one atomic upsert that resets lazily by UTC date.
create table public.quota_counters (
  user_id uuid primary key references public.profiles (id) on delete cascade,
  day_start date not null,
  day_used integer not null default 0 check (day_used >= 0),
  month_start date not null,
  month_used integer not null default 0 check (month_used >= 0),
  updated_at timestamptz not null default now()
);
create index quota_counters_day_start_idx on public.quota_counters (day_start);

create table public.idempotency_records (
  user_id uuid not null references public.profiles (id) on delete cascade,
  key text not null check (char_length(key) between 1 and 128),
  request_hash text not null,
  status text not null default 'pending' check (status in ('pending', 'completed', 'failed')),
  response_status integer,
  response_body jsonb,
  image_id uuid references public.images (id) on delete set null,
  locked_until timestamptz not null,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  primary key (user_id, key)
);
create index idempotency_records_expires_idx on public.idempotency_records (expires_at);

create table public.usage_logs (
  id uuid primary key default gen_random_uuid(),
  user_id uuid references public.profiles (id) on delete cascade,
  action text not null,
  status text not null check (status in ('success', 'failure')),
  image_id uuid references public.images (id) on delete set null,
  provider text,
  model text,
  error_code text,
  duration_ms integer,
  request_id text,
  created_at timestamptz not null default now()
);
create index usage_logs_user_created_idx on public.usage_logs (user_id, created_at desc);
create index usage_logs_created_idx on public.usage_logs (created_at);

create table public.audit_logs (
  id uuid primary key default gen_random_uuid(),
  actor_id uuid references public.profiles (id) on delete set null,
  action text not null,
  target_type text,
  target_id text,
  ip text,
  user_agent text,
  request_id text,
  metadata jsonb not null default '{}'::jsonb,
  created_at timestamptz not null default now()
);
create index audit_logs_actor_created_idx on public.audit_logs (actor_id, created_at desc);
create index audit_logs_created_idx on public.audit_logs (created_at);

-- ---------------------------------------------------------------------------------------
-- API keys, system settings
-- ---------------------------------------------------------------------------------------

create table public.api_keys (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references public.profiles (id) on delete cascade,
  name text not null check (char_length(name) between 1 and 80),
  -- The first characters of the key, shown to the user to tell keys apart.
  prefix text not null,
  -- SHA-256 of the whole key; the key itself is shown once and never stored.
  key_hash text not null unique,
  scopes text[] not null default '{images:read}'
    check (scopes <@ array['images:read', 'images:write']::text[]),
  last_used_at timestamptz,
  expires_at timestamptz,
  revoked_at timestamptz,
  created_at timestamptz not null default now()
);
create index api_keys_user_idx on public.api_keys (user_id, created_at desc);

create table public.system_settings (
  key text primary key,
  value jsonb not null,
  updated_by uuid references public.profiles (id) on delete set null,
  updated_at timestamptz not null default now()
);
create trigger system_settings_set_updated_at before update on public.system_settings
  for each row execute function public.set_updated_at();

-- ---------------------------------------------------------------------------------------
-- Local auth (embedded mode only; empty under Supabase Auth) and the mail outbox
-- ---------------------------------------------------------------------------------------

create table public.local_sessions (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references auth.users (id) on delete cascade,
  -- SHA-256 of the cookie secret; the secret lives only in the browser's HttpOnly cookie.
  cookie_secret_hash text not null,
  user_agent text,
  ip text,
  created_at timestamptz not null default now(),
  last_seen_at timestamptz not null default now(),
  expires_at timestamptz not null,
  revoked_at timestamptz,
  revoke_reason text
);
create index local_sessions_user_idx on public.local_sessions (user_id);
create index local_sessions_expires_idx on public.local_sessions (expires_at);

-- Every refresh token ever issued for a session, hashed. Presenting a used one again is
-- reuse: the whole session is revoked.
create table public.local_refresh_tokens (
  token_hash text primary key,
  session_id uuid not null references public.local_sessions (id) on delete cascade,
  created_at timestamptz not null default now(),
  used_at timestamptz
);
create index local_refresh_tokens_session_idx on public.local_refresh_tokens (session_id);

create table public.mail_outbox (
  id uuid primary key default gen_random_uuid(),
  to_email text not null,
  subject text not null,
  text_body text not null,
  html_body text,
  kind text not null,
  provider_message_id text,
  error text,
  created_at timestamptz not null default now(),
  sent_at timestamptz
);
create index mail_outbox_created_idx on public.mail_outbox (created_at desc);

-- ---------------------------------------------------------------------------------------
-- Row Level Security: on for every table; owner policies where a signed-in user may act.
-- ---------------------------------------------------------------------------------------

alter table public.profiles enable row level security;
alter table public.user_settings enable row level security;
alter table public.provider_keys enable row level security;
alter table public.style_templates enable row level security;
alter table public.images enable row level security;
alter table public.collections enable row level security;
alter table public.collection_images enable row level security;
alter table public.quota_counters enable row level security;
alter table public.idempotency_records enable row level security;
alter table public.usage_logs enable row level security;
alter table public.audit_logs enable row level security;
alter table public.api_keys enable row level security;
alter table public.system_settings enable row level security;
alter table public.local_sessions enable row level security;
alter table public.local_refresh_tokens enable row level security;
alter table public.mail_outbox enable row level security;

create policy "profiles: read own" on public.profiles
  for select to authenticated using ((select auth.uid()) = id);
create policy "profiles: update own" on public.profiles
  for update to authenticated using ((select auth.uid()) = id) with check ((select auth.uid()) = id);

create policy "user_settings: read own" on public.user_settings
  for select to authenticated using ((select auth.uid()) = user_id);
create policy "user_settings: update own" on public.user_settings
  for update to authenticated using ((select auth.uid()) = user_id) with check ((select auth.uid()) = user_id);

-- provider_keys: no policy. Even encrypted, keys are read by the server only.

create policy "style_templates: anyone reads active" on public.style_templates
  for select to anon, authenticated using (is_active);

create policy "images: read own or public" on public.images
  for select to anon, authenticated using (is_public or (select auth.uid()) = user_id);
create policy "images: insert own" on public.images
  for insert to authenticated with check ((select auth.uid()) = user_id);
create policy "images: update own" on public.images
  for update to authenticated using ((select auth.uid()) = user_id) with check ((select auth.uid()) = user_id);
create policy "images: delete own" on public.images
  for delete to authenticated using ((select auth.uid()) = user_id);

create policy "collections: read own or public" on public.collections
  for select to anon, authenticated using (is_public or (select auth.uid()) = user_id);
create policy "collections: insert own" on public.collections
  for insert to authenticated with check ((select auth.uid()) = user_id);
create policy "collections: update own" on public.collections
  for update to authenticated using ((select auth.uid()) = user_id) with check ((select auth.uid()) = user_id);
create policy "collections: delete own" on public.collections
  for delete to authenticated using ((select auth.uid()) = user_id);

-- A collection's membership is visible with the collection; a public collection shows only
-- its public images to others.
create policy "collection_images: read with collection" on public.collection_images
  for select to anon, authenticated using (
    exists (
      select 1 from public.collections c
      where c.id = collection_id
        and ((select auth.uid()) = c.user_id
             or (c.is_public and exists (select 1 from public.images i where i.id = image_id and i.is_public)))
    )
  );
create policy "collection_images: owner adds own images" on public.collection_images
  for insert to authenticated with check (
    exists (select 1 from public.collections c where c.id = collection_id and c.user_id = (select auth.uid()))
    and exists (select 1 from public.images i where i.id = image_id and i.user_id = (select auth.uid()))
  );
create policy "collection_images: owner removes" on public.collection_images
  for delete to authenticated using (
    exists (select 1 from public.collections c where c.id = collection_id and c.user_id = (select auth.uid()))
  );

create policy "quota_counters: read own" on public.quota_counters
  for select to authenticated using ((select auth.uid()) = user_id);

create policy "usage_logs: read own" on public.usage_logs
  for select to authenticated using ((select auth.uid()) = user_id);

create policy "api_keys: read own" on public.api_keys
  for select to authenticated using ((select auth.uid()) = user_id);
create policy "api_keys: delete own" on public.api_keys
  for delete to authenticated using ((select auth.uid()) = user_id);

-- idempotency_records, audit_logs, system_settings, local_sessions, local_refresh_tokens,
-- mail_outbox: no policy; the server alone reads and writes them.
