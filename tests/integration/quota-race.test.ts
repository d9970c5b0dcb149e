import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  consumeQuota,
  readQuota,
  refundQuota,
  type QuotaTicket,
} from "@/server/quotas/quota-service";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.dispose();
});

async function newUser(): Promise<string> {
  const [row] = await database.query<{ id: string }>(
    "insert into auth.users (email) values ($1) returning id",
    [`quota${Date.now()}${Math.random()}@example.com`],
  );
  return row!.id;
}

describe("quota", () => {
  it("lets exactly the remainder through when many generations race for the last few", async () => {
    const userId = await newUser();
    const limits = { daily: 5, monthly: 100 };
    for (let i = 0; i < 2; i++)
      expect(await consumeQuota({ db: database.db, userId, limits })).not.toBeNull();
    const results = await Promise.all(
      Array.from({ length: 40 }, () => consumeQuota({ db: database.db, userId, limits })),
    );
    expect(results.filter(Boolean)).toHaveLength(3);
    const quota = await readQuota({ db: database.db, userId, limits });
    expect(quota).toMatchObject({ usedToday: 5, remainingToday: 0, usedThisMonth: 5 });
  });

  it("gives quota back on refund, never below zero", async () => {
    const userId = await newUser();
    const limits = { daily: 1, monthly: 100 };
    const ticket = (await consumeQuota({ db: database.db, userId, limits })) as QuotaTicket;
    expect(await consumeQuota({ db: database.db, userId, limits })).toBeNull();
    await refundQuota({ db: database.db, ticket });
    await refundQuota({ db: database.db, ticket });
    expect(await readQuota({ db: database.db, userId, limits })).toMatchObject({
      usedToday: 0,
      usedThisMonth: 0,
    });
    expect(await consumeQuota({ db: database.db, userId, limits })).not.toBeNull();
  });

  it("resets lazily on a new UTC day but keeps counting the month", async () => {
    const userId = await newUser();
    const limits = { daily: 2, monthly: 3 };
    const day1 = Date.UTC(2026, 10, 10, 23, 0);
    const day2 = Date.UTC(2026, 10, 11, 1, 0);
    expect(await consumeQuota({ db: database.db, userId, limits, now: day1 })).not.toBeNull();
    expect(await consumeQuota({ db: database.db, userId, limits, now: day1 })).not.toBeNull();
    expect(await consumeQuota({ db: database.db, userId, limits, now: day1 })).toBeNull();
    expect(await consumeQuota({ db: database.db, userId, limits, now: day2 })).not.toBeNull();
    // The monthly limit (3) is now used up even though today has room.
    expect(await consumeQuota({ db: database.db, userId, limits, now: day2 })).toBeNull();
    const quota = await readQuota({ db: database.db, userId, limits, now: day2 });
    expect(quota).toMatchObject({
      usedToday: 1,
      usedThisMonth: 3,
      resetsAt: "2026-11-12T00:00:00.000Z",
    });
  });

  it("refunds a ticket from yesterday only in the month, not in today's count", async () => {
    const userId = await newUser();
    const limits = { daily: 5, monthly: 10 };
    const yesterday = Date.UTC(2026, 10, 10, 12);
    const today = Date.UTC(2026, 10, 11, 12);
    const old = (await consumeQuota({
      db: database.db,
      userId,
      limits,
      now: yesterday,
    })) as QuotaTicket;
    await consumeQuota({ db: database.db, userId, limits, now: today });
    await refundQuota({ db: database.db, ticket: old });
    expect(await readQuota({ db: database.db, userId, limits, now: today })).toMatchObject({
      usedToday: 1,
      usedThisMonth: 1,
    });
  });

  it("never limits an admin (null limits) and refuses everyone when a limit is zero", async () => {
    const userId = await newUser();
    for (let i = 0; i < 5; i++) {
      expect(
        await consumeQuota({ db: database.db, userId, limits: { daily: null, monthly: null } }),
      ).not.toBeNull();
    }
    expect(
      await consumeQuota({
        db: database.db,
        userId: await newUser(),
        limits: { daily: 0, monthly: 10 },
      }),
    ).toBeNull();
  });
});
