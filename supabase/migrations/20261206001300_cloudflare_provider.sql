-- A second image provider (issue #13): Cloudflare Workers AI (FLUX.1 schnell), whose free daily
-- allocation makes images at no cost, beside Gemini, whose image models need billing.
--
-- provider_keys: a Cloudflare key is an API token (sealed like Gemini's) plus the account id the
-- REST path names. The account id is not a secret, so it stays readable; it is required for
-- Cloudflare rows and absent for Gemini ones.
alter table public.provider_keys drop constraint if exists provider_keys_provider_check;
alter table public.provider_keys
  add constraint provider_keys_provider_check check (provider in ('gemini', 'cloudflare'));
alter table public.provider_keys add column account_id text;
alter table public.provider_keys
  add constraint provider_keys_account_id_check check (
    (provider = 'cloudflare' and account_id is not null and account_id ~ '^[0-9a-f]{32}$')
    or (provider <> 'cloudflare' and account_id is null)
  );

-- The user's choice: which provider makes images first, and which to try next when it fails for
-- quota, rate or availability. An empty fallback order means: no other of the user's providers.
alter table public.user_settings
  add column default_provider text not null default 'gemini'
    check (default_provider in ('gemini', 'cloudflare'));
alter table public.user_settings
  add column fallback_order text[] not null default '{}'
    check (fallback_order <@ array['gemini', 'cloudflare']::text[] and cardinality(fallback_order) <= 2);

-- Which provider made each image (image.provider in the API). Rows from before this migration
-- were made by Gemini, or by the demo provider, whose model is recorded as "demo".
alter table public.images add column provider text not null default 'gemini'
  check (provider in ('gemini', 'cloudflare', 'demo'));
-- The backfill is not an edit of those images: their updated_at stays as it was.
alter table public.images disable trigger images_set_updated_at;
update public.images set provider = 'demo' where model = 'demo';
alter table public.images enable trigger images_set_updated_at;
