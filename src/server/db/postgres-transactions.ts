import "server-only";
import type postgres from "postgres";
import { isConnectionFailure } from "@/server/net/connection-errors";

/*
 * Why this exists: postgres.js 3.4.x (3.4.9 here; 3.4.10 is no different) takes the process
 * down when a connection closes while `sql.begin` runs (a dropped database, pg_terminate_backend,
 * a pooler or network reset). The in-flight query rejects, then `begin` sends its own ROLLBACK
 * (or COMMIT, or `rollback to savepoint`) on that same connection; the driver buffers the bytes
 * and flushes them from a setImmediate after `closed()` has set its socket to null:
 * `TypeError: Cannot read properties of null (reading 'write')` as an uncaughtException, out of
 * reach of any catch. The stale flush also wedges the pooled connection for the next query.
 * Upstream: porsager/postgres#1066, #1154, #1208, open fixes #1168, #1209, #1215. Remove this
 * wrapper once a released 3.x version carries them (a test in
 * tests/integration/lost-database-connection.test.ts says whether it still matters).
 *
 * The trap avoided: once the transaction's connection has closed, nothing may be sent on it
 * again. `begin` already rejects the caller with CONNECTION_CLOSED when the connection closes
 * (it races the callback against the close), so when the callback settles after the close, the
 * wrapper hands `begin` a promise that never settles instead: `begin` then never sends its
 * COMMIT or ROLLBACK, and the abandoned callback chain is garbage once nothing holds it.
 */

type Callback = (sql: postgres.TransactionSql) => unknown;

/** `begin` (and savepoints) that never write on a connection that closed under them. */
export function guardTransactions(client: postgres.Sql): postgres.Sql {
  const begin = (...args: unknown[]) => {
    const { leading: options, callback } = splitArguments(args);
    const transaction = { lost: false };
    const guarded = (sql: postgres.TransactionSql) =>
      settleUnlessLost(transaction, () => callback(guardSavepoints(sql, transaction)));
    const result = options === undefined ? client.begin(guarded) : client.begin(options, guarded);
    // While the callback runs, `begin` can only reject because the connection closed.
    result.catch(() => {
      transaction.lost = true;
    });
    return result;
  };
  return new Proxy(client, {
    get: (target, property, receiver) =>
      property === "begin" ? begin : Reflect.get(target, property, receiver),
  });
}

function guardSavepoints(
  sql: postgres.TransactionSql,
  transaction: { lost: boolean },
): postgres.TransactionSql {
  const savepoint = (...args: unknown[]) => {
    const { leading: name, callback } = splitArguments(args);
    const guarded = (inner: postgres.TransactionSql) =>
      settleUnlessLost(transaction, () => callback(guardSavepoints(inner, transaction)));
    return name === undefined ? sql.savepoint(guarded) : sql.savepoint(name, guarded);
  };
  return new Proxy(sql, {
    get: (target, property, receiver) =>
      property === "savepoint" ? savepoint : Reflect.get(target, property, receiver),
  });
}

/** `begin([options,] callback)` and `savepoint([name,] callback)`. */
function splitArguments(args: unknown[]): { leading: string | undefined; callback: Callback } {
  const callback = args.at(-1) as Callback;
  return { leading: args.length > 1 ? (args[0] as string) : undefined, callback };
}

/**
 * The callback's outcome, unless the connection was lost meanwhile: then a promise that never
 * settles, so that postgres.js sends nothing more on the closed connection.
 */
async function settleUnlessLost(
  transaction: { lost: boolean },
  callback: () => unknown,
): Promise<unknown> {
  let outcome: { value: unknown } | { error: unknown };
  try {
    outcome = { value: await callback() };
  } catch (error) {
    outcome = { error };
    // A failure that came from the connection itself: the close that `begin` reacts to may not
    // have been seen yet (a reset emits 'error' first and 'close' in the loop's close phase), so
    // wait until a timer turn, after it, before deciding.
    if (isConnectionFailure(error)) await new Promise((resolve) => setTimeout(resolve, 0));
  }
  if (transaction.lost) return new Promise<never>(() => {});
  if ("error" in outcome) throw outcome.error;
  return outcome.value;
}
