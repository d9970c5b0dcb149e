-- The account's language (issue #14): "en" or "id"; null until the person or their first visit
-- chose one, when pages follow the locale cookie, then the browser's Accept-Language.
-- Mail and push notifications, sent with no browser at hand, go out in this language.
alter table public.user_settings
  add column locale text check (locale in ('en', 'id'));
