-- Retention of private images (issue #12, src/server/retention/image-retention.ts).
-- When the live setting privateImageRetentionDays (N) is set, private images older than N days
-- that are not favorites, not in any collection and not kept are removed by the daily cron,
-- their files through pending_file_removals. Seven days before, the owner is told once.
--
-- kept_at: the owner chose "Keep": exempt for good (until they un-keep, which clears it).
-- retention_warned_at: when the owner was told this image would go. An image is removed only
-- once it was warned at least seven days earlier, so turning retention on, or a missed run,
-- never removes anything without the week's notice.
alter table public.images add column kept_at timestamptz;
alter table public.images add column retention_warned_at timestamptz;

