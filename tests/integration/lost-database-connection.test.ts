import { sql } from "drizzle-orm";
import postgres from "postgres";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/server/db/database";
import { openPostgresDatabase } from "@/server/db/postgres-database";
import { errorResponse } from "@/server/http/define-route";
import { startFakePostgresServer } from "../support/fake-postgres-server";

// A connection to PostgreSQL lost mid-work (the database dropped with force, a backend
// terminated, a reset) must reach the code that ran the query as an ordinary rejection. With
// postgres.js 3.4 alone, a transaction on that connection made the driver throw "Cannot read
// properties of null (reading 'write')" from a setImmediate, an uncaughtException (the end of
// bench/load, where the database is dropped under in-flight generations). The studio's client
// guards against it: src/server/db/postgres-transactions.ts.
//
// On the PostgreSQL server when TEST_DATABASE_URL is set (a scratch database, cut with
// pg_terminate_backend or `drop database … with (force)`), else on a wire-format fake server.
// The reset case always runs on the fake (a real server's backend closes with FIN): postgres.js
// alone survives a reset, since its 'close' comes after the rollback's write; the case keeps the
// guard's wait for that 'close' from turning a reset into a hang.

interface LosableDatabase {
  url: string;
  /** Resolves once `count` statements that call pg_sleep are running. */
  waitForQueriesInFlight(count: number): Promise<void>;
  terminateConnections(): Promise<void>;
  dropDatabase(): Promise<void>;
  close(): Promise<void>;
}

async function openScratchDatabase(serverUrl: string): Promise<LosableDatabase> {
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  const name = `ais_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  await admin.unsafe(`create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async waitForQueriesInFlight(count) {
      for (;;) {
        const [row] = await admin<{ running: number }[]>`
          select count(*)::int as running from pg_stat_activity
           where datname = ${name} and state = 'active' and query like '%pg_sleep%'`;
        if ((row?.running ?? 0) >= count) return;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
    async terminateConnections() {
      await admin`select pg_terminate_backend(pid) from pg_stat_activity where datname = ${name}`;
    },
    async dropDatabase() {
      await admin.unsafe(`drop database ${name} with (force)`);
    },
    async close() {
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end({ timeout: 5 });
    },
  };
}

const openLosableDatabase = (): Promise<LosableDatabase> =>
  process.env.TEST_DATABASE_URL
    ? openScratchDatabase(process.env.TEST_DATABASE_URL)
    : startFakePostgresServer();

const SLEEP = sql`select pg_sleep(60)`;

/**
 * Work of every shape the studio runs, each with a statement in flight; resolves to what each
 * came to (the error it rejected with, or "resolved") once all have settled.
 */
function startWorkInFlight(database: DatabaseHandle): {
  count: number;
  outcomes: Promise<unknown[]>;
} {
  const work: Promise<unknown>[] = [
    database.query("select pg_sleep(60)"),
    database.db.transaction(async (tx) => {
      await tx.execute(sql`select 1`);
      await tx.execute(SLEEP);
    }),
    database.db.transaction(async (tx) => {
      await tx.execute(sql`select 1`);
      await tx.transaction(async (savepoint) => {
        await savepoint.execute(SLEEP);
      });
    }),
  ];
  const outcomes = Promise.all(
    work.map((promise) =>
      promise.then(
        () => "resolved",
        (error: unknown) => error,
      ),
    ),
  );
  return { count: work.length, outcomes };
}

/**
 * Resolves after whatever the driver scheduled so far has run: a write deferred to
 * setImmediate, after a timer turn (the guard's wait for a reset's 'close').
 */
async function driverWorkAlreadyScheduled(): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 0));
  await new Promise((resolve) => setImmediate(resolve));
}

const uncaught: unknown[] = [];
const recordUncaught = (error: unknown) => uncaught.push(error);
const opened: { close(): Promise<void> }[] = [];
beforeEach(() => {
  uncaught.length = 0;
  process.on("uncaughtException", recordUncaught);
});
afterEach(async () => {
  process.off("uncaughtException", recordUncaught);
  for (const resource of opened.splice(0).reverse()) await resource.close();
});

function open(target: LosableDatabase): DatabaseHandle {
  opened.push(target);
  const database = openPostgresDatabase(target.url, { max: 4 });
  opened.push(database);
  return database;
}

describe("a database connection lost under in-flight work", () => {
  it("rejects the queries, transactions and savepoints it carried, and the next query gets a new connection", async () => {
    const target = await openLosableDatabase();
    const database = open(target);
    const work = startWorkInFlight(database);
    await target.waitForQueriesInFlight(work.count);

    await target.terminateConnections();

    for (const outcome of await work.outcomes) expect(outcome).toBeInstanceOf(Error);
    // A write left behind on the closed connection would have thrown before this answers.
    await expect(database.query("select 1 as one")).resolves.toBeInstanceOf(Array);
    expect(uncaught).toEqual([]);
  });

  it("answers a request whose query, transaction or savepoint lost its connection with 503 SERVICE_UNAVAILABLE and Retry-After, not a 500", async () => {
    const target = await openLosableDatabase();
    const database = open(target);
    const work = startWorkInFlight(database);
    await target.waitForQueriesInFlight(work.count);

    await target.terminateConnections();

    for (const outcome of await work.outcomes) {
      const response = errorResponse(outcome, "request-1");
      expect(response.status).toBe(503);
      expect(response.headers.get("retry-after")).toBe("1");
      const body = (await response.json()) as { success: boolean; error: { code: string } };
      expect(body).toMatchObject({ success: false, error: { code: "SERVICE_UNAVAILABLE" } });
    }
  });

  it("rejects a transaction that lost its connection between statements, without committing on it", async () => {
    const target = await openLosableDatabase();
    const database = open(target);
    let reachedGate!: () => void;
    const reached = new Promise<void>((resolve) => (reachedGate = resolve));
    let openGate!: () => void;
    const gate = new Promise<void>((resolve) => (openGate = resolve));
    const transaction = database.db.transaction(async (tx) => {
      await tx.execute(sql`select 1`);
      reachedGate();
      await gate; // other work (a provider call) while the connection is lost
    });
    await reached;

    await target.terminateConnections();
    await expect(transaction).rejects.toThrow();
    openGate(); // the callback now returns: postgres.js alone would send COMMIT on the dead connection

    await expect(database.query("select 1 as one")).resolves.toBeInstanceOf(Array);
    expect(uncaught).toEqual([]);
  });

  it("when the database is dropped with force, rejects the queries, transactions and savepoints in flight", async () => {
    const target = await openLosableDatabase();
    const database = open(target);
    const work = startWorkInFlight(database);
    await target.waitForQueriesInFlight(work.count);

    await target.dropDatabase();

    for (const outcome of await work.outcomes) expect(outcome).toBeInstanceOf(Error);
    await driverWorkAlreadyScheduled();
    expect(uncaught).toEqual([]);
  });

  it("rejects the transaction whose connection is reset (RST), and the next query gets a new connection", async () => {
    const server = await startFakePostgresServer();
    const database = open(server);
    const work = startWorkInFlight(database);
    await server.waitForQueriesInFlight(work.count);

    await server.resetConnections();

    for (const outcome of await work.outcomes) expect(outcome).toBeInstanceOf(Error);
    await expect(database.query("select 1 as one")).resolves.toBeInstanceOf(Array);
    expect(uncaught).toEqual([]);
  });
});
