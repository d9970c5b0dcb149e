import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as adminStats from "@/app/api/v1/admin/stats/route";
import * as generate from "@/app/api/v1/images/generate/route";
import type { AdminStats } from "@/shared/admin-stats";
import { runDailyJobs } from "@/server/operations/daily-jobs";
import {
  addDays,
  dayOf,
  histogramQuantile,
  LATENCY_BOUNDS_MS,
  pruneRolledUpUsageLogs,
  readRollups,
  rollUpUsage,
} from "@/server/usage/usage-rollups";
import { signUp, type SignedUp } from "../support/sign-up";
import { startTestStudio, type TestStudio } from "../support/test-services";

let studio: TestStudio;
let admin: SignedUp;
let people: SignedUp[];
const DAY = 24 * 60 * 60 * 1000;
const NOW = Date.now();
const TODAY = dayOf(NOW);

interface Log {
  userId: string;
  status: "success" | "failure";
  code: string | null;
  durationMs: number | null;
  at: string;
}
const logs: Log[] = [];

beforeAll(async () => {
  studio = await startTestStudio({ AUTH_RATE_LIMIT_PER_MINUTE: "1000", DEMO_PROVIDER: "on" });
  admin = await signUp("stats-admin", "Ada Admin");
  await studio.database.query("update public.profiles set role = 'admin' where id = $1", [
    admin.user.id,
  ]);
  people = [await signUp("stats-a"), await signUp("stats-b"), await signUp("stats-c")];
  // Sign-ups spread over the last days (the admin today).
  for (const [i, person] of people.entries()) {
    await studio.database.query("update public.profiles set created_at = $2 where id = $1", [
      person.user.id,
      new Date(NOW - (i + 1) * 2 * DAY).toISOString(),
    ]);
  }
  // A deterministic spread of generations over the last 12 days, some users on some days.
  const codes = ["PROVIDER_ERROR", "MODERATION_BLOCKED", "QUOTA_EXCEEDED", null];
  let n = 0;
  for (let back = 0; back < 12; back++) {
    const day = addDays(TODAY, -back);
    for (let k = 0; k < (back * 7) % 5; k++) {
      n++;
      const person = people[(back + k) % people.length]!;
      const success = n % 4 !== 0;
      const second = String(100 + k)
        .padStart(2, "0")
        .slice(-2);
      logs.push({
        userId: person.user.id,
        status: success ? "success" : "failure",
        code: success ? null : (codes[n % codes.length] ?? null),
        durationMs: success ? 300 + ((n * 2711) % 30000) : n % 3 === 0 ? null : 1000,
        at: `${day}T${String((n * 5) % 24).padStart(2, "0")}:00:${second}.000Z`,
      });
    }
  }
  for (const log of logs) {
    await studio.database.query(
      "insert into public.usage_logs (user_id, action, status, error_code, duration_ms, created_at) values ($1, 'image.generate', $2, $3, $4, $5)",
      [log.userId, log.status, log.code, log.durationMs, log.at],
    );
  }
  // Mail: sent, failed and pending on several days.
  for (let back = 1; back < 5; back++) {
    const at = new Date(NOW - back * DAY).toISOString();
    await studio.database.query(
      `insert into public.mail_outbox (kind, to_email, subject, text_body, html_body, status, sent_at, last_attempt_at, created_at)
       values ('test', 'a@example.com', 's', 't', 'h', $1, $2, $3, $3)`,
      [back % 2 ? "sent" : "failed", back % 2 ? at : null, at],
    );
  }
});
afterAll(async () => {
  await studio?.dispose();
});

const db = () => studio.services.database.db;
const stats = (query = "", caller = admin.caller) =>
  caller.call<AdminStats>(adminStats.GET, { path: `/api/v1/admin/stats${query}` });

function recount(day: string) {
  const ofDay = logs.filter((log) => log.at.startsWith(day));
  const weekStart = addDays(day, -6);
  const week = logs.filter((log) => log.at.slice(0, 10) >= weekStart && log.at.slice(0, 10) <= day);
  const failures = ofDay.filter((log) => log.status === "failure" && log.code !== "QUOTA_EXCEEDED");
  const byCode: Record<string, number> = {};
  for (const log of failures)
    byCode[log.code ?? "UNKNOWN"] = (byCode[log.code ?? "UNKNOWN"] ?? 0) + 1;
  const durations = ofDay
    .filter((log) => log.status === "success" && log.durationMs !== null)
    .map((log) => log.durationMs!);
  return {
    generations: ofDay.filter((log) => log.status === "success").length,
    failures: failures.length,
    failuresByCode: byCode,
    quotaHits: ofDay.filter((log) => log.code === "QUOTA_EXCEEDED").length,
    activeUsers: new Set(ofDay.map((log) => log.userId)).size,
    weeklyActiveUsers: new Set(week.map((log) => log.userId)).size,
    latencySamples: durations.length,
    over15s: durations.filter((ms) => ms > 15000).length,
    latencyBuckets: LATENCY_BOUNDS_MS.map(() => 0)
      .concat(0)
      .map(
        (_, k) =>
          durations.filter(
            (ms) =>
              ms >= (k === 0 ? -Infinity : LATENCY_BOUNDS_MS[k - 1]!) &&
              ms < (LATENCY_BOUNDS_MS[k] ?? Infinity),
          ).length,
      ),
  };
}

describe("daily usage rollups", () => {
  it("are a recount of the raw logs, sign-ups and mail; a second run changes nothing", async () => {
    expect(await pruneRolledUpUsageLogs({ db: db(), now: NOW + 40 * DAY })).toBe(0);
    const first = await rollUpUsage({ db: db(), now: NOW });
    expect(first.usageDaysRolledUp).toBeGreaterThanOrEqual(11);
    const stored = await readRollups(db(), addDays(TODAY, -11), addDays(TODAY, -1));
    expect(stored.map((row) => row.day)).toEqual(
      Array.from({ length: 11 }, (_, i) => addDays(TODAY, i - 11)),
    );
    for (const row of stored) {
      const { latencyBuckets, ...rest } = recount(row.day);
      expect({ day: row.day, ...rest }).toEqual({
        day: row.day,
        generations: row.generations,
        failures: row.failures,
        failuresByCode: row.failuresByCode,
        quotaHits: row.quotaHits,
        activeUsers: row.activeUsers,
        weeklyActiveUsers: row.weeklyActiveUsers,
        latencySamples: row.latencySamples,
        over15s: row.over15s,
      });
      expect(row.latencyBuckets).toEqual(latencyBuckets);
      const back = Math.round(
        (Date.parse(`${TODAY}T00:00:00Z`) - Date.parse(`${row.day}T00:00:00Z`)) / DAY,
      );
      expect(row.signups).toBe(
        [2, 4, 6].filter((b) => addDays(dayOf(NOW - b * DAY), 0) === row.day).length,
      );
      expect(row.mailSent).toBe(back >= 1 && back < 5 && back % 2 ? 1 : 0);
      expect(row.mailFailed).toBe(back >= 1 && back < 5 && back % 2 === 0 ? 1 : 0);
    }
    const before = await studio.database.query<{ day: string; computed_at: string }>(
      "select day::text, computed_at::text from public.usage_daily_rollups order by day",
    );
    expect((await rollUpUsage({ db: db(), now: NOW })).usageDaysRolledUp).toBe(0);
    expect(
      await studio.database.query(
        "select day::text, computed_at::text from public.usage_daily_rollups order by day",
      ),
    ).toEqual(before);
  });

  it("reads p50/p95 from the histogram, interpolated within a bucket", () => {
    const buckets = LATENCY_BOUNDS_MS.map(() => 0).concat(0);
    buckets[2] = 10; // 1000..2000 ms
    expect(histogramQuantile(buckets, 0.5)).toBe(1500);
    expect(histogramQuantile(buckets, 0.95)).toBe(1950);
    expect(
      histogramQuantile(
        LATENCY_BOUNDS_MS.map(() => 0),
        0.5,
      ),
    ).toBeNull();
  });

  it("the cron prunes logs older than 30 days only once their day is rolled up, and the rollup stays", async () => {
    const old = addDays(TODAY, -40);
    await studio.database.query(
      "insert into public.usage_logs (user_id, action, status, duration_ms, created_at) values ($1, 'image.generate', 'success', 2500, $2), ($1, 'image.generate', 'success', 16000, $2)",
      [people[0]!.user.id, `${old}T12:00:00Z`],
    );
    // A catch-up after a missed month: the old day is rolled up before its logs go.
    const report = await runDailyJobs({
      db: db(),
      objectStore: studio.services.objectStore,
      mail: { flush: async () => ({ mailSent: 0, mailFailed: 0, mailRetried: 0 }) as never },
      now: NOW,
    });
    expect(report.usageLogsDeleted).toBe(2);
    expect(report.usageDaysRolledUp).toBeGreaterThanOrEqual(1);
    const [kept] = await readRollups(db(), old, old);
    expect(kept).toMatchObject({
      day: old,
      generations: 2,
      activeUsers: 1,
      latencySamples: 2,
      over15s: 1,
    });
    const again = await runDailyJobs({
      db: db(),
      objectStore: studio.services.objectStore,
      mail: { flush: async () => ({}) as never },
      now: NOW,
    });
    expect(again.usageLogsDeleted).toBe(0);
    expect(again.usageDaysRolledUp).toBe(0);
    const response = await stats("?days=60");
    expect(response.status).toBe(200);
    if (!response.body.success) throw new Error("stats failed");
    expect(response.body.data.days.find((day) => day.date === old)).toMatchObject({
      generations: 2,
      activeUsers: 1,
    });
  });
});

describe("GET /admin/stats", () => {
  it("answers the days asked for, today live, with storage, latency and the extras", async () => {
    await studio.database.query(
      "insert into public.usage_logs (user_id, action, status, duration_ms) values ($1, 'image.generate', 'success', 1200)",
      [people[1]!.user.id],
    );
    const response = await stats();
    expect(response.status).toBe(200);
    if (!response.body.success) throw new Error("stats failed");
    const data = response.body.data;
    expect(data.days).toHaveLength(30);
    expect(data.days[29]!.date).toBe(dayOf(Date.now()));
    const today = recount(data.days[29]!.date);
    expect(data.days[29]!.generations).toBe(today.generations + 1);
    for (const day of data.days.slice(0, 29)) {
      if (day.date < addDays(TODAY, -11)) continue;
      expect(day.generations).toBe(recount(day.date).generations);
      expect(day.failures).toBe(recount(day.date).failures);
    }
    const total = (pick: (r: ReturnType<typeof recount>) => number) =>
      data.days.reduce((sum, day) => sum + pick(recount(day.date)), 0);
    expect(data.quotaHits).toBe(total((r) => r.quotaHits));
    expect(data.latency.samples).toBe(total((r) => r.latencySamples) + 1);
    expect(data.over15sShare).toBeCloseTo(total((r) => r.over15s) / data.latency.samples, 6);
    expect(data.latency.p50Ms).toBeGreaterThan(0);
    expect(data.latency.p95Ms).toBeGreaterThanOrEqual(data.latency.p50Ms!);
    // The seeded mail, and whatever the sign-ups sent today.
    const [mail] = await studio.database.query<{ sent: number; failed: number }>(
      "select count(*) filter (where status = 'sent' and sent_at >= $1)::int as sent, count(*) filter (where status = 'failed')::int as failed from public.mail_outbox",
      [`${addDays(dayOf(Date.now()), -29)}T00:00:00Z`],
    );
    expect(data.mail).toEqual(mail);
    expect(data.mail.failed).toBe(2);
    expect(data.weeklyActiveUsers).toBeGreaterThan(0);
    expect(data.storage.filesLimitBytes).toBe(1024 * 1024 * 1024);
    expect(data.storage.databaseLimitBytes).toBe(500 * 1024 * 1024);
    expect(data.storage.databaseBytes).toBeGreaterThan(0);
    expect(data.topTemplates).toEqual([]);

    const one = await stats("?days=1");
    if (!one.body.success) throw new Error("stats failed");
    expect(one.body.data.days.map((day) => day.date)).toEqual([dayOf(Date.now())]);
    const year = await stats("?days=365");
    if (!year.body.success) throw new Error("stats failed");
    expect(year.body.data.days).toHaveLength(365);
  });

  it("counts a generation refused by the quota as a quota hit, not a failure", async () => {
    const read = async () => {
      const response = await stats("?days=1");
      if (!response.body.success) throw new Error("stats failed");
      return response.body.data.days[0]!;
    };
    const before = await read();
    const person = await signUp("stats-quota");
    await studio.database.query(
      "update public.profiles set daily_limit_override = 0 where id = $1",
      [person.user.id],
    );
    const refused = await person.caller.call(generate.POST, {
      method: "POST",
      path: "/api/v1/images/generate",
      body: { prompt: "over the limit" },
    });
    expect(refused.status).toBe(429);
    const after = await read();
    expect(after.quotaHits).toBe(before.quotaHits + 1);
    expect(after.failures).toBe(before.failures);
    expect(after.generations).toBe(before.generations);
  });

  it("refuses days outside 1..365 and answers 404 to anyone but an admin", async () => {
    for (const days of ["0", "366", "x", "1.5"]) {
      const response = await stats(`?days=${days}`);
      expect(response.status).toBe(400);
    }
    expect((await stats("", people[0]!.caller)).status).toBe(404);
  });
});
