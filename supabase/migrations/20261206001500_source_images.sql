-- Several input images (issue #13, src/server/generation/source-images.ts).
-- source_image_ids: every gallery image a generation started from, in the order the prompt
-- calls them "image 1", "image 2", …; parent_id stays the first of them, so the lineage chain
-- and everything that follows parent_id keep working. Uploaded files have no id and are not
-- listed. Like parent_id, an element may name an image the viewer cannot see: readers check.
alter table public.images
  add column source_image_ids uuid[] not null default '{}'
  check (cardinality(source_image_ids) <= 4);

-- Edits and image-to-image from before: their one source is their parent.
update public.images set source_image_ids = array[parent_id] where parent_id is not null;

-- "What was made from this image" for more than the first source.
create index images_source_image_ids_idx on public.images using gin (source_image_ids);

-- parent_id is "on delete set null"; the array has no foreign key, so a deleted image leaves
-- the lists of the images made from it the same way (one statement per delete, however many
-- rows it removes).
create or replace function public.images_forget_deleted_sources() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  update public.images as made
     set source_image_ids = array(
           select source from unnest(made.source_image_ids) with ordinality as listed (source, position)
            where source not in (select gone.id from gone)
            order by position
         )
   where made.source_image_ids && array(select gone.id from gone);
  return null;
end;
$$;
create trigger images_forget_deleted_sources after delete on public.images
  referencing old table as gone
  for each statement execute function public.images_forget_deleted_sources();
