import type { DatabaseHandle } from "@/server/db/database";

/** The prompt whose image row the database refuses to insert (see failMarkedImageInserts). */
export const FAILING_ROW_PROMPT = "please fail the row write";

/**
 * A real database fault, not a stub: a trigger makes inserting an image row with
 * FAILING_ROW_PROMPT raise, so the generation fails after its files are stored.
 */
export async function failMarkedImageInserts(database: DatabaseHandle): Promise<void> {
  await database.execScript(`
    create or replace function public.__fail_marked_insert() returns trigger language plpgsql as $$
    begin
      if new.prompt = '${FAILING_ROW_PROMPT}' then raise exception 'row write failed on purpose'; end if;
      return new;
    end $$;
    drop trigger if exists __fail_marked_insert on public.images;
    create trigger __fail_marked_insert before insert on public.images for each row execute function public.__fail_marked_insert();
  `);
}
