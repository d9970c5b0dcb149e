-- Local development data, loaded by `supabase db reset` after the migrations (see
-- [db.seed] in config.toml). It never reaches a hosted project.
--
-- The style templates are not here: production needs them too, so they ship as a data
-- migration (migrations/20261122000200_seed_style_templates.sql). Put only throwaway
-- sample data in this file, and nothing that a migration depends on.
--
-- Users are best created through the app's sign-up page (email confirmations are off
-- locally), so that auth.users, profiles and settings are made the way production makes them.

-- A reminder, not a fix: a local database without templates means the migrations did not run.
do $$
begin
  if not exists (select 1 from public.style_templates) then
    raise warning 'public.style_templates is empty: run `supabase db reset` to apply the migrations.';
  end if;
end
$$;
