import type { TestDatabase } from "./test-database";

/**
 * Inserts image rows straight into the database (no files), for list and search tests and
 * benchmarks. Returns their ids, newest last.
 */
export async function seedImageRows(
  database: Pick<TestDatabase, "query">,
  {
    userId,
    count,
    prompt = (i: number) => `seeded image ${i}`,
    tags = () => [],
    isPublic = () => false,
    aspectRatio = () => "1:1",
    favorite = () => false,
  }: {
    userId: string;
    count: number;
    prompt?: (i: number) => string;
    tags?: (i: number) => string[];
    isPublic?: (i: number) => boolean;
    aspectRatio?: (i: number) => string;
    favorite?: (i: number) => boolean;
  },
): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const publicNow = isPublic(i);
    const [row] = await database.query<{ id: string }>(
      `insert into public.images (user_id, prompt, aspect_ratio, quality, width, height, seed, model, storage_key, mime_type, byte_size, thumbnail_sizes, tags, is_public, published_at, favorite, created_at)
       select $1, $2, $3, 'standard', 1024, 1024, $4, 'demo', $5, 'image/webp', 1000, '{150,300,800}', $6, $7,
              case when $7 then stamp end, $8, stamp
       -- Strictly after every image already stored: PGlite's clock can repeat a timestamp, and
       -- tests of "newest first" must not depend on the random id that breaks the tie.
       from (select greatest(clock_timestamp(), max(created_at) + interval '1 microsecond',
                             max(published_at) + interval '1 microsecond') as stamp
             from public.images) latest
       returning id`,
      [
        userId,
        prompt(i),
        aspectRatio(i),
        i,
        `${userId}/seed-${crypto.randomUUID()}`,
        tags(i),
        publicNow,
        favorite(i),
      ],
    );
    ids.push(row!.id);
  }
  return ids;
}
