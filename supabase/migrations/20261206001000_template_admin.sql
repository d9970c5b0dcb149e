-- Style templates managed by admins (src/server/admin/templates-admin.ts, issue #12).
--
-- preview_key: the object-store key of a preview an admin uploaded (templates/<id>/<token>.webp),
-- served by GET /api/v1/templates/:id/preview; null while the template shows a file shipped
-- under public/templates/ (preview_url). The row owns the file: the transaction that replaces or
-- deletes it lists the old file in pending_file_removals, so no file outlives its row.
--
-- is_active false is "hidden": gone from GET /templates and the generate page, while images
-- made with it keep their style_template_id. Deleting a template sets images.style_template_id
-- to null (the foundation's foreign key), so those images stay as they are, with no style named.
alter table public.style_templates add column preview_key text;
alter table public.style_templates
  add constraint style_templates_preview_key_shape check (preview_key is null or preview_key ~ '^templates/[0-9a-f-]{36}/[A-Za-z0-9_-]{1,64}\.webp$');

-- The admin's list shows every template, hidden ones included, in the public order.
create index style_templates_admin_order_idx on public.style_templates (category, sort_order, name);
