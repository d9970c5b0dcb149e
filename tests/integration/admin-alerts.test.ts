import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createAlertMailSource,
  runAlertChecks,
  type AlertDeps,
} from "@/server/alerts/admin-alerts";
import { runDailyJobs } from "@/server/operations/daily-jobs";
import type { StorageUsage } from "@/server/storage-budget/storage-budget";
import { addDays, dayOf } from "@/server/usage/usage-rollups";
import { signUp, type SignedUp } from "../support/sign-up";
import { startTestStudio, type TestStudio } from "../support/test-services";

let studio: TestStudio;
let admins: SignedUp[];
let person: SignedUp;
const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;
// The controlled clock: every check gets `now` from the test.
const NOW = Math.floor(Date.now() / HOUR) * HOUR + 20 * 60 * 1000;
const hourStart = (back: number) => Math.floor(NOW / HOUR) * HOUR - back * HOUR;
const hourKey = (back: number) => new Date(hourStart(back)).toISOString().slice(0, 13);
const MB = 1024 * 1024;
let storage: StorageUsage = {
  filesBytes: 0,
  databaseBytes: 0,
  filesLimitBytes: 100 * MB,
  databaseLimitBytes: 100 * MB,
};

const deps = (): AlertDeps => ({
  db: studio.services.database.db,
  mail: studio.services.mail,
  storage: async () => storage,
});

async function log(
  back: number,
  entries: { status: "success" | "failure"; code?: string; ms?: number }[],
) {
  for (const [k, entry] of entries.entries()) {
    await studio.database.query(
      "insert into public.usage_logs (user_id, action, status, error_code, duration_ms, created_at) values ($1, 'image.generate', $2, $3, $4, $5)",
      [
        person.user.id,
        entry.status,
        entry.code ?? null,
        entry.ms ?? null,
        new Date(hourStart(back) + (k + 1) * 1000).toISOString(),
      ],
    );
  }
}
const times = <T>(n: number, value: T): T[] => Array.from({ length: n }, () => value);

async function alertMails(match: string) {
  return studio.database.query<{
    to_email: string;
    subject: string;
    text_body: string;
  }>(
    "select to_email, subject, text_body from public.mail_outbox where kind like 'admin-%' and dedupe_key like $1 order by to_email",
    [`admin-alert:${match}%`],
  );
}

beforeAll(async () => {
  studio = await startTestStudio({ AUTH_RATE_LIMIT_PER_MINUTE: "1000" });
  admins = [await signUp("alerts-admin-a"), await signUp("alerts-admin-b")];
  const suspended = await signUp("alerts-admin-suspended");
  for (const admin of [...admins, suspended])
    await studio.database.query("update public.profiles set role = 'admin' where id = $1", [
      admin.user.id,
    ]);
  await studio.database.query("update public.profiles set suspended_at = now() where id = $1", [
    suspended.user.id,
  ]);
  person = await signUp("alerts-person");
});
afterAll(async () => {
  await studio?.dispose();
});

describe("admin alerts", () => {
  it("mails every admin once when an hour's error rate passes 10% (quota refusals not counted), never again for that hour", async () => {
    await log(2, [
      ...times(8, { status: "success" as const, ms: 2000 }),
      ...times(2, { status: "failure" as const, code: "PROVIDER_ERROR" }),
      ...times(5, { status: "failure" as const, code: "QUOTA_EXCEEDED" }),
    ]);
    const first = await runAlertChecks(deps(), { now: NOW, dailySummary: false });
    expect(first.alertsSent).toEqual([`error-rate:${hourKey(2)}`]);
    const mails = await alertMails(`error-rate:${hourKey(2)}`);
    expect(mails.map((mail) => mail.to_email)).toEqual(admins.map((a) => a.email).sort());
    expect(mails[0]!.subject).toContain("20% of generations failed");
    expect(mails[0]!.text_body).toContain("2 of 10 generations failed");
    // Later runs (the next request's look, an hour on, the cron) do not mail it again.
    expect((await runAlertChecks(deps(), { now: NOW, dailySummary: false })).alertsSent).toEqual(
      [],
    );
    expect(
      (await runAlertChecks(deps(), { now: NOW + HOUR, dailySummary: false })).alertsSent,
    ).toEqual([]);
    expect(await alertMails(`error-rate:${hourKey(2)}`)).toHaveLength(2);
  });

  it("stays quiet at exactly 10%, and below the minimum of 10 generations", async () => {
    await log(3, [
      ...times(9, { status: "success" as const, ms: 2000 }),
      { status: "failure", code: "PROVIDER_ERROR" },
    ]);
    await log(4, [
      ...times(4, { status: "success" as const, ms: 2000 }),
      ...times(5, { status: "failure" as const, code: "PROVIDER_ERROR" }),
    ]);
    expect((await runAlertChecks(deps(), { now: NOW, dailySummary: false })).alertsSent).toEqual(
      [],
    );
    expect(await alertMails(`error-rate:${hourKey(3)}`)).toEqual([]);
    expect(await alertMails(`error-rate:${hourKey(4)}`)).toEqual([]);
  });

  it("mails once when an hour's p95 generation time passes 15 s, and not for one slow image in twenty", async () => {
    await log(5, times(10, { status: "success" as const, ms: 16_000 }));
    await log(6, [
      ...times(19, { status: "success" as const, ms: 1_000 }),
      { status: "success", ms: 40_000 },
    ]);
    const first = await runAlertChecks(deps(), { now: NOW, dailySummary: false });
    expect(first.alertsSent).toEqual([`latency-p95:${hourKey(5)}`]);
    const mails = await alertMails(`latency-p95:${hourKey(5)}`);
    expect(mails).toHaveLength(2);
    expect(mails[0]!.subject).toContain("p95 16.0 s");
    expect((await runAlertChecks(deps(), { now: NOW, dailySummary: false })).alertsSent).toEqual(
      [],
    );
    expect(await alertMails(`latency-p95:${hourKey(6)}`)).toEqual([]);
    // The current, unfinished hour is not judged yet.
    await log(0, times(10, { status: "failure" as const, code: "PROVIDER_ERROR" }));
    expect((await runAlertChecks(deps(), { now: NOW, dailySummary: false })).alertsSent).toEqual(
      [],
    );
    expect(
      (await runAlertChecks(deps(), { now: NOW + HOUR, dailySummary: false })).alertsSent,
    ).toEqual([`error-rate:${hourKey(0)}`]);
  });

  it("mails once per crossing of 80% and 90% of the file and database limits", async () => {
    const run = async () =>
      (await runAlertChecks(deps(), { now: NOW + 2 * HOUR, dailySummary: false })).alertsSent;
    storage = { ...storage, filesBytes: 79 * MB, databaseBytes: 10 * MB };
    expect(await run()).toEqual([]);
    storage = { ...storage, filesBytes: 85 * MB };
    expect(await run()).toEqual(["storage-files-80:current"]);
    expect(await run()).toEqual([]);
    storage = { ...storage, filesBytes: 92 * MB };
    expect(await run()).toEqual(["storage-files-90:current"]);
    expect(await run()).toEqual([]);
    const mails = await alertMails("storage-files-90:current");
    expect(mails).toHaveLength(2);
    expect(mails[0]!.subject).toBe("AI Image Studio: file storage over 90%");
    expect(mails[0]!.text_body).toContain("92.0 MB of 100.0 MB (92%)");
    // Back under both after a clean-up, then over again: a new crossing, a new mail.
    storage = { ...storage, filesBytes: 50 * MB };
    expect(await run()).toEqual([]);
    storage = { ...storage, filesBytes: 81 * MB };
    expect(await run()).toEqual(["storage-files-80:current"]);
    expect(await alertMails("storage-files-80:current")).toHaveLength(2);
    // Straight past both thresholds: one mail (the 90% one), both recorded.
    storage = { ...storage, databaseBytes: 99 * MB };
    expect(await run()).toEqual(["storage-database-90:current"]);
    expect(await run()).toEqual([]);
    expect(await alertMails("storage-database-80")).toEqual([]);
    const rows = await studio.database.query<{ rule: string }>(
      "select rule from public.admin_alerts where period = 'current' order by rule",
    );
    expect(rows.map((row) => row.rule)).toEqual([
      "storage-database-80",
      "storage-database-90",
      "storage-files-80",
    ]);
    storage = { ...storage, filesBytes: 10 * MB, databaseBytes: 10 * MB };
    expect(await run()).toEqual([]);
  });

  it("the daily cron mails yesterday's summary of new users and usage once, and sends it", async () => {
    // Early in a UTC day ten days on, so that the second run an hour later is the same day
    // whatever the hour the suite runs at (at 23:20 UTC, +1 h was already the next day's summary).
    const later = Date.parse(`${dayOf(NOW + 10 * DAY)}T06:20:00.000Z`);
    const day = addDays(dayOf(later), -1);
    const newcomers = [await signUp("alerts-new-a"), await signUp("alerts-new-b")];
    for (const newcomer of newcomers)
      await studio.database.query("update public.profiles set created_at = $2 where id = $1", [
        newcomer.user.id,
        `${day}T08:00:00.000Z`,
      ]);
    for (const [k, status] of (["success", "success", "failure"] as const).entries())
      await studio.database.query(
        "insert into public.usage_logs (user_id, action, status, error_code, duration_ms, created_at) values ($1, 'image.generate', $2, $3, $4, $5)",
        [
          newcomers[k % 2]!.user.id,
          status,
          status === "failure" ? "PROVIDER_ERROR" : null,
          1000,
          `${day}T12:00:0${k}.000Z`,
        ],
      );
    const everyone = await studio.database.query<{ n: number }>(
      "select count(*)::int as n from public.profiles",
    );
    storage = { ...storage, filesBytes: 30 * MB, databaseBytes: 12 * MB };
    const report = await runDailyJobs({
      db: studio.services.database.db,
      objectStore: studio.services.objectStore,
      mail: studio.services.mail,
      alerts: deps(),
      now: later,
    });
    expect(report.alertsSent).toEqual([`daily-summary:${day}`]);
    const mails = await alertMails(`daily-summary:${day}`);
    expect(mails).toHaveLength(2);
    expect(mails[0]!.subject).toBe(`AI Image Studio on ${day}: 2 new users, 2 generations`);
    expect(mails[0]!.text_body).toContain(`New users: 2 (${Number(everyone[0]!.n)} in all).`);
    expect(mails[0]!.text_body).toContain(
      "Generations: 2 stored, 1 failed, 0 refused by quota; 2 people generated.",
    );
    expect(mails[0]!.text_body).toContain("files 30.0 MB of 100.0 MB (30%)");
    // The cron's flush sent them.
    const sent = await studio.database.query<{ status: string }>(
      "select status from public.mail_outbox where dedupe_key like $1",
      [`admin-alert:daily-summary:${day}%`],
    );
    expect(sent.map((row) => row.status)).toEqual(["sent", "sent"]);
    const again = await runDailyJobs({
      db: studio.services.database.db,
      objectStore: studio.services.objectStore,
      mail: studio.services.mail,
      alerts: deps(),
      now: later + HOUR,
    });
    expect(again.alertsSent).toEqual([]);
    expect(await alertMails(`daily-summary:${day}`)).toHaveLength(2);
  });

  it("the next request's mail flush runs the hourly and storage rules once per hour, not the summary", async () => {
    let clock = NOW + 30 * 1000;
    const source = createAlertMailSource(deps(), () => clock);
    await log(7, times(10, { status: "failure" as const, code: "PROVIDER_ERROR" }));
    await source.enqueueDue(clock);
    expect(source.lastReport()?.alertsSent).toEqual([`error-rate:${hourKey(7)}`]);
    expect(await alertMails(`error-rate:${hourKey(7)}`)).toHaveLength(2);
    expect((await source.nextDueAt())?.toISOString()).toBe(new Date(hourStart(-1)).toISOString());
    // Within the same hour nothing is looked at again, even a newly bad hour.
    await log(8, times(10, { status: "failure" as const, code: "PROVIDER_ERROR" }));
    const before = source.lastReport();
    await source.enqueueDue(clock + 60_000);
    expect(source.lastReport()).toBe(before);
    clock = hourStart(-1) + 1000;
    await source.enqueueDue(clock);
    expect(source.lastReport()?.alertsSent).toEqual([`error-rate:${hourKey(8)}`]);
    const summaries = await studio.database.query<{ n: number }>(
      "select count(*)::int as n from public.admin_alerts where rule = 'daily-summary' and period = $1",
      [addDays(dayOf(NOW), -1)],
    );
    expect(Number(summaries[0]!.n)).toBe(0);
  });
});
