-- Short, stable share ids for public images and collections (/s/i/:shareId, /s/c/:shareId).
-- Set the first time something is made public and kept afterwards, so a link shared once keeps
-- working whenever the owner makes it public again; a private item's share page answers 404.
alter table public.images add column share_id text unique check (share_id ~ '^[A-Za-z0-9]{10}$');
alter table public.collections add column share_id text unique check (share_id ~ '^[A-Za-z0-9]{10}$');

-- Collection pages list their images newest first by when they were added; own gallery
-- filters by aspect ratio and template within a user's images.
create index images_user_aspect_created_idx on public.images (user_id, aspect_ratio, created_at desc, id desc);

-- The public gallery's "newest" is newest published, not newest generated.
create index images_public_published_idx on public.images (published_at desc, id desc) where is_public;
update public.images set published_at = coalesce(published_at, created_at) where is_public;
