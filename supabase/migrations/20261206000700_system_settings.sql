-- Live system settings (GET/PATCH /api/v1/admin/settings, src/server/admin/system-settings.ts).
-- The table came with the foundation; this settles how it is used: one row per setting, named
-- after its API field (registration, invitedEmails, defaultDailyLimit, defaultMonthlyLimit,
-- requireEmailVerification, privateImageRetentionDays, maintenanceMessage, moderationPhrases),
-- its value as JSON. A setting with no row takes its default from the environment. Each app
-- instance caches what it read for SETTINGS_CACHE_SECONDS (default 5).

comment on table public.system_settings is
  'Admin settings, one row per API field; absent rows fall back to the environment. Server only (RLS on, no policy).';

alter table public.system_settings
  add constraint system_settings_key_shape check (key ~ '^[a-z][A-Za-z0-9]{0,62}$');

