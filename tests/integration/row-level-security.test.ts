import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

/**
 * The wall behind PostgREST: as the `authenticated` role with a user's JWT claims, a user
 * sees only their own private rows, plus what is public. Runs on PGlite and on the server.
 */
let database: TestDatabase;
let alice: string;
let bob: string;

async function asUser<Row extends Record<string, unknown>>(
  userId: string | null,
  sqlText: string,
  params: unknown[] = [],
) {
  const role = userId ? "authenticated" : "anon";
  const claims = JSON.stringify(userId ? { sub: userId, role } : { role });
  // One script per call, in one transaction, so the role and claims apply to this statement only.
  const rows = await database.query<{ result: Row[] | null }>(
    `select public.__rls_probe($1, $2, $3, $4::jsonb) as result`,
    [role, claims, sqlText, JSON.stringify(params)],
  );
  return rows[0]?.result ?? [];
}

/** Runs one data-changing statement as the user and returns how many rows it changed. */
async function execAsUser(userId: string, sqlText: string): Promise<number> {
  const claims = JSON.stringify({ sub: userId, role: "authenticated" });
  const rows = await database.query<{ affected: number }>(
    "select public.__rls_exec('authenticated', $1, $2) as affected",
    [claims, sqlText],
  );
  return Number(rows[0]?.affected);
}

beforeAll(async () => {
  database = await createTestDatabase();
  // A probe that runs a query under a role and claims and returns its rows as JSON.
  await database.execScript(`
    create or replace function public.__rls_probe(p_role text, p_claims text, p_sql text, p_params jsonb)
    returns jsonb language plpgsql as $fn$
    declare result jsonb;
    begin
      perform set_config('request.jwt.claims', p_claims, true);
      execute format('set local role %I', p_role);
      execute format('select coalesce(jsonb_agg(q), ''[]''::jsonb) from (%s) q', p_sql) into result;
      reset role;
      return result;
    end $fn$;
    create or replace function public.__rls_exec(p_role text, p_claims text, p_sql text)
    returns integer language plpgsql as $fn$
    declare affected integer;
    begin
      perform set_config('request.jwt.claims', p_claims, true);
      execute format('set local role %I', p_role);
      execute p_sql;
      get diagnostics affected = row_count;
      reset role;
      return affected;
    end $fn$;
  `);
  const users = await database.query<{ id: string }>(
    "insert into auth.users (email) values ('alice@example.com'), ('bob@example.com') returning id",
  );
  alice = users[0]!.id;
  bob = users[1]!.id;
  const image = (userId: string, key: string, prompt: string, isPublic: boolean) =>
    database.query(
      `insert into public.images (user_id, prompt, aspect_ratio, quality, width, height, seed, model, storage_key, mime_type, byte_size, is_public)
       values ($1, $2, '1:1', 'standard', 64, 64, 1, 'demo', $3, 'image/webp', 10, $4)`,
      [userId, prompt, key, isPublic],
    );
  await image(alice, "a/1", "alice private", false);
  await image(alice, "a/2", "alice public", true);
  await image(bob, "b/1", "bob private", false);
  await database.query(
    "insert into public.collections (user_id, name, is_public) values ($1, 'alice secret', false), ($2, 'bob shared', true)",
    [alice, bob],
  );
  await database.query(
    "insert into public.quota_counters (user_id, day_start, day_used, month_start, month_used) values ($1, current_date, 3, current_date, 3)",
    [bob],
  );
  await database.query(
    "insert into public.provider_keys (user_id, provider, ciphertext, key_version, last4, validated_at) values ($1, 'gemini', 'x', 1, 'abcd', now())",
    [alice],
  );
});

afterAll(async () => {
  await database?.dispose();
});

describe("row level security", () => {
  it("is enabled on every table in the public schema", async () => {
    const rows = await database.query<{ relname: string }>(
      `select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
       where n.nspname = 'public' and c.relkind = 'r' and not c.relrowsecurity`,
    );
    expect(rows).toEqual([]);
  });

  it("shows a user their own images and public ones, never another user's private image", async () => {
    const seenByBob = await asUser<{ prompt: string }>(
      bob,
      "select prompt from public.images order by prompt",
    );
    expect(seenByBob.map((row) => row.prompt)).toEqual(["alice public", "bob private"]);
    const seenByAlice = await asUser<{ prompt: string }>(
      alice,
      "select prompt from public.images order by prompt",
    );
    expect(seenByAlice.map((row) => row.prompt)).toEqual(["alice private", "alice public"]);
  });

  it("shows anonymous visitors only public images and public collections", async () => {
    const images = await asUser<{ prompt: string }>(null, "select prompt from public.images");
    expect(images.map((row) => row.prompt)).toEqual(["alice public"]);
    const collections = await asUser<{ name: string }>(null, "select name from public.collections");
    expect(collections.map((row) => row.name)).toEqual(["bob shared"]);
  });

  it("keeps profiles, settings and quota counters to their owner", async () => {
    const profiles = await asUser<{ email: string }>(bob, "select email from public.profiles");
    expect(profiles.map((row) => row.email)).toEqual(["bob@example.com"]);
    const settings = await asUser<{ user_id: string }>(
      alice,
      "select user_id from public.user_settings",
    );
    expect(settings.map((row) => row.user_id)).toEqual([alice]);
    expect(await asUser(alice, "select * from public.quota_counters")).toEqual([]);
  });

  it("never shows provider keys, sessions or audit logs to any signed-in user, not even the owner", async () => {
    expect(await asUser(alice, "select * from public.provider_keys")).toEqual([]);
    expect(await asUser(alice, "select * from public.local_sessions")).toEqual([]);
    expect(await asUser(alice, "select * from public.audit_logs")).toEqual([]);
  });

  it("refuses to let a user write rows for someone else", async () => {
    await expect(
      execAsUser(
        bob,
        `insert into public.collections (user_id, name) values ('${alice}', 'planted')`,
      ),
    ).rejects.toThrow(/row-level security/);
    expect(
      await execAsUser(
        bob,
        "update public.images set is_public = true where user_id <> auth.uid()",
      ),
    ).toBe(0);
    expect(await execAsUser(bob, "delete from public.images where user_id <> auth.uid()")).toBe(0);
    const stillPrivate = await database.query<{ is_public: boolean }>(
      "select is_public from public.images where prompt = 'alice private'",
    );
    expect(stillPrivate[0]?.is_public).toBe(false);
  });
});
