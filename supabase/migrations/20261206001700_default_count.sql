-- How many images the composer asks for by default (issue #13: batches of 1 to 4 per prompt).
-- The composer starts with this count; each request still says its own `count`.
alter table public.user_settings
  add column default_count smallint not null default 1
    check (default_count between 1 and 4);
