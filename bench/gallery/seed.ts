/**
 * The gallery benchmark's data: 1,000 users with 100 images each (every fifth public, with a
 * share id), prompts drawn from a small vocabulary so full-text search has real matches.
 */
import { hash } from "@node-rs/argon2";
import { applyMigrations } from "../../src/server/db/migrate";
import { openPostgresDatabase } from "../../src/server/db/postgres-database";

export const USERS = 1000;
export const PER_USER = 100;
export const PASSWORD = "bench password 123";
export const SEARCH = "lighthouse";

export type BenchUser = {
  id: string;
  email: string;
};

/** Seeds a migrated, empty database; returns the first 50 users (by email). */
export async function seedGallery(url: string): Promise<BenchUser[]> {
  const handle = openPostgresDatabase(url, { max: 2 });
  await applyMigrations(handle);
  const passwordHash = await hash(PASSWORD, { memoryCost: 19456, timeCost: 2, parallelism: 1 });
  const started = performance.now();
  await handle.query(
    `insert into auth.users (email, encrypted_password, raw_user_meta_data)
     select 'bench' || g || '@example.com', $1, jsonb_build_object('name', 'Bench ' || g) from generate_series(1, ${USERS}) g`,
    [passwordHash],
  );
  await handle.execScript(`
    insert into public.images (user_id, prompt, aspect_ratio, quality, width, height, seed, model, storage_key,
                               mime_type, byte_size, thumbnail_sizes, tags, is_public, published_at, share_id, created_at)
    select u.id,
           (array['a lighthouse on a cliff','a red fox in snow','a city at night','a quiet mountain lake','a portrait of an old sailor',
                  'a bowl of ramen','an astronaut in a garden','a paper boat','a desert caravan','a neon street market',
                  'a watercolor forest','a cat on a windowsill'])[1 + (n % 12)]
             || ' ' || (array['at dawn','in the rain','in watercolor','as a photograph','in pixel art','at golden hour',
                              'under the stars','in winter','in an oil painting','isometric'])[1 + ((n / 12) % 10)],
           (array['1:1','16:9','9:16','4:3','3:4'])[1 + (n % 5)], 'standard', 1024, 1024, n, 'demo',
           'bench/' || n, 'image/webp', 250000, '{150,300,800}',
           array[(array['animal','city','nature','portrait','food','space'])[1 + (n % 6)]],
           n % 5 = 0, case when n % 5 = 0 then now() - (n || ' seconds')::interval end,
           case when n % 5 = 0 then lpad(to_hex(n), 10, '0') end,
           now() - (n || ' seconds')::interval
    from (select id, row_number() over (order by email) - 1 as idx from auth.users) u
    cross join generate_series(0, ${PER_USER - 1}) k
    cross join lateral (select (u.idx * ${PER_USER} + k)::int as n) numbered;
    analyze;
  `);
  const [counts] = await handle.query<{ images: number; public: number }>(
    "select count(*)::int as images, count(*) filter (where is_public)::int as public from public.images",
  );
  console.log(
    `seeded ${USERS} users and ${counts?.images} images (${counts?.public} public) in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  await handle.close();
  return benchUsers(url);
}

/** The 50 users the load is spread over (an already seeded database can be reused). */
export async function benchUsers(url: string): Promise<BenchUser[]> {
  const handle = openPostgresDatabase(url, { max: 1 });
  try {
    return await handle.query<BenchUser>(
      "select id, email from auth.users order by email limit 50",
    );
  } finally {
    await handle.close();
  }
}
