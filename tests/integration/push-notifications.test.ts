import { NextRequest } from "next/server";
import webpush from "web-push";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import * as generate from "@/app/api/v1/images/generate/route";
import * as push from "@/app/api/v1/notifications/push/route";
import * as pushDevice from "@/app/api/v1/notifications/push/[id]/route";
import * as settings from "@/app/api/v1/settings/route";
import type { Image, PushDevice, PushOverview } from "@/shared/api-types";
import type { GenerationPushMessage } from "@/shared/push-message";
import {
  createPushService,
  isPublicAddress,
  isPublicPushEndpoint,
  PUSH_DEVICES_PER_USER,
} from "@/server/notifications/push-service";
import { ApiCaller, TEST_ORIGIN } from "../support/api-caller";
import {
  FAKE_GEMINI_KEY,
  startFakeGeminiServer,
  type FakeGeminiServer,
} from "../support/fake-gemini-server";
import {
  decryptPushBody,
  madeUpSubscription,
  startFakePushEndpoint,
  type FakeBrowserSubscription,
  type FakePushEndpoint,
} from "../support/fake-push-endpoint";
import { signUp, type SignedUp } from "../support/sign-up";
import { startTestStudio, type TestStudio } from "../support/test-services";

const CHROME_ANDROID =
  "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36";
const vapid = { ...webpush.generateVAPIDKeys(), subject: "mailto:studio@example.com" };

let gemini: FakeGeminiServer;
let endpoint: FakePushEndpoint;
let studio: TestStudio;

beforeAll(async () => {
  gemini = await startFakeGeminiServer();
  endpoint = await startFakePushEndpoint();
  studio = await startTestStudio({
    GEMINI_API_KEY: FAKE_GEMINI_KEY,
    GEMINI_API_BASE_URL: gemini.url,
    DEMO_PROVIDER: "off",
    AUTH_RATE_LIMIT_PER_MINUTE: "1000",
    GENERATE_RATE_LIMIT_PER_MINUTE: "1000",
    DAILY_GENERATION_LIMIT: "1000",
  });
  // The real push service, sending through an agent that trusts the local push service's
  // certificate; only that one local origin is let past the public-host rule.
  studio.services.push = createPushService({
    db: studio.database.db,
    vapid,
    agent: endpoint.agent,
    allowEndpoint: (url) => url.startsWith(`${endpoint.origin}/`) || isPublicPushEndpoint(url),
  });
});
afterAll(async () => {
  await studio?.dispose();
  await endpoint?.close();
  await gemini?.close();
});
beforeEach(() => {
  endpoint.received.length = 0;
});

// ---------------------------------------------------------------------------------------------

const cookieOf = (caller: ApiCaller) =>
  [...caller.cookies].map(([name, value]) => `${name}=${value}`).join("; ");

async function overviewOf(person: SignedUp, currentEndpoint?: string): Promise<PushOverview> {
  const query = currentEndpoint ? `?endpoint=${encodeURIComponent(currentEndpoint)}` : "";
  const response = await person.caller.call<PushOverview>(push.GET, {
    path: `/api/v1/notifications/push${query}`,
  });
  if (!response.body.success) throw new Error(JSON.stringify(response.body));
  return response.body.data;
}

async function subscribe(
  person: SignedUp,
  subscription: { endpoint: string; keys: { p256dh: string; auth: string } },
) {
  return person.caller.call<PushDevice>(push.POST, {
    method: "POST",
    path: "/api/v1/notifications/push",
    body: { endpoint: subscription.endpoint, keys: subscription.keys, expirationTime: null },
    headers: { "user-agent": CHROME_ANDROID },
  });
}

async function subscribedBrowser(person: SignedUp): Promise<FakeBrowserSubscription> {
  const browser = endpoint.subscribe();
  const response = await subscribe(person, browser);
  expect(response.status).toBe(201);
  return browser;
}

/** The same key with one byte of x changed: 65 bytes still, almost surely off the curve. */
function notOnCurve(p256dh: string): string {
  const point = Buffer.from(p256dh, "base64url");
  point[10] = point[10]! ^ 0xff;
  return point.toString("base64url");
}

async function rowCount(): Promise<number> {
  const rows = await studio.database.query<{ n: number }>(
    "select count(*)::int as n from public.push_subscriptions",
  );
  return rows[0]!.n;
}

/** A generate request whose tab closes while Gemini is still working (the away path). */
async function generateAndLeave(person: SignedUp, prompt: string): Promise<void> {
  gemini.enqueue({ kind: "delay", ms: 400 });
  const controller = new AbortController();
  const request = new NextRequest(new URL("/api/v1/images/generate", TEST_ORIGIN), {
    method: "POST",
    headers: {
      "content-type": "application/json",
      accept: "text/event-stream",
      origin: TEST_ORIGIN,
      cookie: cookieOf(person.caller),
    },
    body: JSON.stringify({ prompt }),
    signal: controller.signal,
  });
  const response = await generate.POST(request, { params: Promise.resolve({}) });
  expect(response.headers.get("content-type")).toContain("text/event-stream");
  controller.abort();
  await response.body?.cancel();
}

function payloadOf(browser: FakeBrowserSubscription): GenerationPushMessage[] {
  return endpoint
    .messagesFor(browser)
    .filter((message) => message.status === 201)
    .map((message) => JSON.parse(decryptPushBody(message.body, browser)) as GenerationPushMessage);
}

async function imagesOf(userId: string): Promise<{ id: string; prompt: string }[]> {
  return studio.database.query("select id, prompt from public.images where user_id = $1", [userId]);
}

// ---------------------------------------------------------------------------------------------

describe("Web Push devices", () => {
  it("says push is on with the VAPID public key, and lists no device before the first", async () => {
    const person = await signUp("push-empty");
    expect(await overviewOf(person)).toEqual({
      enabled: true,
      publicKey: vapid.publicKey,
      subscriptions: [],
    });
  });

  it("adds this browser (201, labelled from its user agent) and marks it current by its endpoint", async () => {
    const person = await signUp("push-add");
    const browser = endpoint.subscribe();
    const added = await subscribe(person, browser);
    expect(added.status, JSON.stringify(added.body)).toBe(201);
    expect(added.body).toMatchObject({
      success: true,
      data: { device: "Chrome on Android", current: true, lastSuccessAt: null },
    });
    const other = endpoint.subscribe();
    await subscribe(person, other);
    const seen = await overviewOf(person, browser.endpoint);
    expect(seen.subscriptions).toHaveLength(2);
    expect(seen.subscriptions[0]).toMatchObject({ current: true, device: "Chrome on Android" });
    expect(seen.subscriptions[1]!.current).toBe(false);
    // Nothing in the answer is the endpoint or a key (they are the capability to message it).
    expect(JSON.stringify(seen)).not.toContain(browser.endpoint);
    expect(JSON.stringify(seen)).not.toContain(browser.keys.p256dh);
  });

  it("refuses bad subscriptions with VALIDATION_ERROR naming the field, and stores nothing", async () => {
    const person = await signUp("push-bad");
    const good = endpoint.subscribe();
    const before = await rowCount();
    const cases: [unknown, string][] = [
      [{ ...good, endpoint: good.endpoint.replace("https:", "http:") }, "endpoint"],
      [{ ...good, endpoint: `https://push.example.com/${"a".repeat(2048)}` }, "endpoint"],
      [{ ...good, endpoint: "https://127.0.0.1:9/push/x" }, "endpoint"],
      [{ ...good, endpoint: "https://metadata.internal/computeMetadata" }, "endpoint"],
      [{ ...good, endpoint: "https://push.example.com/\u0000" }, "endpoint"],
      [{ ...good, keys: { ...good.keys, p256dh: good.keys.p256dh.slice(1) } }, "keys.p256dh"],
      // Right length, but not a point on the curve (another x for the same y).
      [{ ...good, keys: { ...good.keys, p256dh: notOnCurve(good.keys.p256dh) } }, "keys.p256dh"],
      [{ ...good, keys: { ...good.keys, auth: `${good.keys.auth}AA` } }, "keys.auth"],
      [{ endpoint: good.endpoint }, "keys"],
    ];
    for (const [body, field] of cases) {
      const response = await person.caller.call(push.POST, {
        method: "POST",
        path: "/api/v1/notifications/push",
        body,
      });
      expect(response.status, JSON.stringify(body).slice(0, 120)).toBe(400);
      expect(response.body).toMatchObject({ success: false, error: { code: "VALIDATION_ERROR" } });
      const issues = (response.body as { error: { details: { issues: { path: string }[] } } }).error
        .details.issues;
      expect(issues.map((issue) => issue.path)).toContain(field);
    }
    expect(await rowCount()).toBe(before);
  });

  it("lets no one else remove my device (404, still there), and me remove it", async () => {
    const owner = await signUp("push-owner");
    const stranger = await signUp("push-stranger");
    await subscribedBrowser(owner);
    const [device] = (await overviewOf(owner)).subscriptions;
    const theirs = await stranger.caller.call(pushDevice.DELETE, {
      method: "DELETE",
      path: `/api/v1/notifications/push/${device!.id}`,
      params: { id: device!.id },
    });
    expect(theirs.status).toBe(404);
    expect(theirs.body).toMatchObject({ success: false, error: { code: "NOT_FOUND" } });
    expect((await overviewOf(owner)).subscriptions).toHaveLength(1);
    const unknown = crypto.randomUUID();
    expect(
      (
        await owner.caller.call(pushDevice.DELETE, {
          method: "DELETE",
          path: `/api/v1/notifications/push/${unknown}`,
          params: { id: unknown },
        })
      ).status,
    ).toBe(404);
    const mine = await owner.caller.call(pushDevice.DELETE, {
      method: "DELETE",
      path: `/api/v1/notifications/push/${device!.id}`,
      params: { id: device!.id },
    });
    expect(mine.status).toBe(200);
    expect((await overviewOf(owner)).subscriptions).toEqual([]);
  });

  it("moves a browser's endpoint to whoever subscribed it last (one row per endpoint)", async () => {
    const first = await signUp("push-first");
    const second = await signUp("push-second");
    const browser = await subscribedBrowser(first);
    expect((await subscribe(second, browser)).status).toBe(201);
    expect((await overviewOf(first)).subscriptions).toEqual([]);
    expect((await overviewOf(second)).subscriptions).toHaveLength(1);
  });

  it(`keeps at most ${PUSH_DEVICES_PER_USER} devices a person, forgetting the oldest`, async () => {
    const person = await signUp("push-many");
    const all = Array.from({ length: PUSH_DEVICES_PER_USER + 1 }, () => madeUpSubscription());
    for (const subscription of all)
      expect((await subscribe(person, subscription)).status).toBe(201);
    const rows = await studio.database.query<{ endpoint: string }>(
      "select endpoint from public.push_subscriptions where user_id = $1",
      [person.user.id],
    );
    expect(rows).toHaveLength(PUSH_DEVICES_PER_USER);
    expect(rows.map((row) => row.endpoint)).not.toContain(all[0]!.endpoint);
  });
});

describe("a notification when a generation finishes unwatched", () => {
  it("sends exactly one decryptable, VAPID-signed message to each of the person's devices", async () => {
    const person = await signUp("push-away");
    const bystander = await signUp("push-bystander");
    const phone = await subscribedBrowser(person);
    const laptop = await subscribedBrowser(person);
    const theirs = await subscribedBrowser(bystander);

    await generateAndLeave(person, "a lighthouse nobody watched");
    await expect.poll(() => endpoint.received.length, { timeout: 10_000 }).toBe(2);
    const [image] = await imagesOf(person.user.id);
    for (const browser of [phone, laptop]) {
      const messages = endpoint.messagesFor(browser);
      expect(messages).toHaveLength(1);
      expect(messages[0]!.vapidError).toBeNull();
      expect(messages[0]!.headers["content-encoding"]).toBe("aes128gcm");
      expect(Number(messages[0]!.headers.ttl)).toBeGreaterThan(0);
      expect(payloadOf(browser)).toEqual([
        {
          kind: "generation-finished",
          lang: "en",
          title: "Your image is ready",
          body: "a lighthouse nobody watched",
          url: `/images/${image!.id}`,
          tag: `generation-${image!.id}`,
          imageIds: [image!.id],
        },
      ]);
    }
    expect(endpoint.messagesFor(theirs)).toEqual([]);
    // A message the push service took marks the device as reached.
    await expect
      .poll(async () =>
        (await overviewOf(person)).subscriptions.every((device) => device.lastSuccessAt !== null),
      )
      .toBe(true);
  });

  it("sends nothing about a generation its client watched to the end", async () => {
    const person = await signUp("push-watcher");
    await subscribedBrowser(person);
    const response = await person.caller.call<{ image: Image }>(generate.POST, {
      method: "POST",
      path: "/api/v1/images/generate",
      body: { prompt: "a comet I watched" },
    });
    expect(response.status).toBe(201);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(endpoint.received).toEqual([]);
  });

  it("removes a subscription the push service says is gone (410, 404) and keeps one that failed once (500)", async () => {
    const person = await signUp("push-gone");
    const gone = await subscribedBrowser(person);
    const unknown = await subscribedBrowser(person);
    const flaky = await subscribedBrowser(person);
    const healthy = await subscribedBrowser(person);
    endpoint.answer(gone, 410);
    endpoint.answer(unknown, 404);
    endpoint.answer(flaky, 500);
    await generateAndLeave(person, "a fox in the snow");
    await expect.poll(() => endpoint.received.length, { timeout: 10_000 }).toBe(4);
    await expect
      .poll(async () => (await overviewOf(person)).subscriptions.length, { timeout: 5_000 })
      .toBe(2);
    expect(payloadOf(healthy)).toHaveLength(1);
    const report = await studio.services.push.notifyGenerationFinished({
      userId: person.user.id,
      imageIds: (await imagesOf(person.user.id)).map((row) => row.id),
    });
    expect(report).toEqual({ sent: 1, removed: 0, failed: 1 });
    expect(endpoint.messagesFor(gone)).toHaveLength(1);
    expect(endpoint.messagesFor(unknown)).toHaveLength(1);
  });

  it("says how many images a batch made, and never sends about someone else's image", async () => {
    const person = await signUp("push-batch");
    const stranger = await signUp("push-batch-stranger");
    const browser = await subscribedBrowser(person);
    await generateAndLeave(stranger, "not yours");
    await expect
      .poll(async () => (await imagesOf(stranger.user.id)).length, { timeout: 10_000 })
      .toBe(1);
    const [strangers] = await imagesOf(stranger.user.id);
    expect(
      await studio.services.push.notifyGenerationFinished({
        userId: person.user.id,
        imageIds: [strangers!.id],
      }),
    ).toEqual({ sent: 0, removed: 0, failed: 0 });
    for (const prompt of ["one of two", "two of two"]) {
      const response = await person.caller.call(generate.POST, {
        method: "POST",
        path: "/api/v1/images/generate",
        body: { prompt },
      });
      expect(response.status).toBe(201);
    }
    const ids = (await imagesOf(person.user.id)).map((row) => row.id);
    const report = await studio.services.push.notifyGenerationFinished({
      userId: person.user.id,
      imageIds: [...ids, strangers!.id],
    });
    expect(report).toEqual({ sent: 1, removed: 0, failed: 0 });
    const [payload] = payloadOf(browser);
    expect(payload!.title).toBe("Your 2 images are ready");
    expect([...payload!.imageIds].sort()).toEqual([...ids].sort());
    expect(payload!.imageIds).not.toContain(strangers!.id);
  });

  it("speaks the account's language: an Indonesian account's phone gets an Indonesian title", async () => {
    const person = await signUp("push-id");
    const changed = await person.caller.call(settings.PATCH, {
      method: "PATCH",
      path: "/api/v1/settings",
      body: { locale: "id" },
    });
    expect(changed.status).toBe(200);
    const phone = await subscribedBrowser(person);
    await generateAndLeave(person, "mercusuar di senja hari");
    await expect.poll(() => endpoint.messagesFor(phone).length, { timeout: 10_000 }).toBe(1);
    const [payload] = payloadOf(phone);
    expect(payload).toMatchObject({
      lang: "id",
      title: "Gambarmu sudah jadi",
      // The prompt is the person's own words: never translated.
      body: "mercusuar di senja hari",
    });
  });

  it("never connects to a private address, even when a name passed the endpoint check", async () => {
    const person = await signUp("push-private");
    const browser = endpoint.subscribe();
    // The default agent (no test certificate): its DNS refuses localhost's addresses at connect time.
    const guarded = createPushService({
      db: studio.database.db,
      vapid,
      allowEndpoint: () => true,
    });
    await guarded.subscribe({ userId: person.user.id, subscription: browser, userAgent: null });
    const made = await person.caller.call<{ image: Image }>(generate.POST, {
      method: "POST",
      path: "/api/v1/images/generate",
      body: { prompt: "a harbour at night" },
    });
    expect(made.status).toBe(201);
    const ids = (await imagesOf(person.user.id)).map((row) => row.id);
    expect(ids).toHaveLength(1);
    expect(
      await guarded.notifyGenerationFinished({ userId: person.user.id, imageIds: ids }),
    ).toEqual({ sent: 0, removed: 0, failed: 1 });
    expect(endpoint.messagesFor(browser)).toEqual([]);
    for (const address of [
      "127.0.0.1",
      "10.1.2.3",
      "169.254.169.254",
      "192.168.1.1",
      "::1",
      "fd00::1",
      "::ffff:127.0.0.1",
    ]) {
      expect(isPublicAddress(address), address).toBe(false);
    }
    for (const address of ["142.250.74.110", "2a00:1450:4001:80b::200a"]) {
      expect(isPublicAddress(address), address).toBe(true);
    }
  });

  it("is off without VAPID keys: no key in the overview, subscribing is refused, nothing is sent", async () => {
    const person = await signUp("push-off");
    const browser = await subscribedBrowser(person);
    const off = createPushService({ db: studio.database.db, vapid: null, agent: endpoint.agent });
    expect(await off.overview({ userId: person.user.id })).toMatchObject({
      enabled: false,
      publicKey: null,
    });
    await expect(
      off.subscribe({
        userId: person.user.id,
        subscription: endpoint.subscribe(),
        userAgent: null,
      }),
    ).rejects.toMatchObject({ code: "SERVICE_UNAVAILABLE" });
    expect(
      await off.notifyGenerationFinished({
        userId: person.user.id,
        imageIds: [crypto.randomUUID()],
      }),
    ).toEqual({ sent: 0, removed: 0, failed: 0 });
    expect(endpoint.messagesFor(browser)).toEqual([]);
  });
});
