import type { DatabaseHandle } from "@/server/db/database";

let counter = 0;

/**
 * A real database fault, not a stub: a trigger makes every matching write to `table` raise,
 * until the returned function removes it. `when` is a trigger condition on NEW / OLD, e.g.
 * `new.action = 'settings.update'`.
 */
export async function failWrites(
  database: Pick<DatabaseHandle, "execScript">,
  {
    table,
    operation,
    when,
  }: { table: string; operation: "INSERT" | "UPDATE" | "DELETE"; when?: string },
): Promise<() => Promise<void>> {
  const name = `__fail_writes_${++counter}`;
  await database.execScript(`
    create or replace function public.${name}() returns trigger language plpgsql as $$
    begin raise exception 'write refused on purpose'; end $$;
    create trigger ${name} before ${operation} on public.${table}
      for each row ${when ? `when (${when})` : ""} execute function public.${name}();
  `);
  return async () => {
    await database.execScript(`
      drop trigger if exists ${name} on public.${table};
      drop function if exists public.${name}();
    `);
  };
}
