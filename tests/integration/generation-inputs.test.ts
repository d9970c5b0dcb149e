import sharp from "sharp";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import * as profile from "@/app/api/v1/auth/profile/route";
import * as edit from "@/app/api/v1/images/[id]/edit/route";
import * as variations from "@/app/api/v1/images/[id]/variations/route";
import * as generate from "@/app/api/v1/images/generate/route";
import * as imageList from "@/app/api/v1/images/route";
import type { Image, Profile } from "@/shared/api-types";
import type { ApiCaller } from "../support/api-caller";
import {
  FAKE_GEMINI_KEY,
  startFakeGeminiServer,
  type FakeGeminiServer,
} from "../support/fake-gemini-server";
import { makeJpeg, makePng } from "../support/sample-images";
import { signUp } from "../support/sign-up";
import { startTestStudio, type TestStudio } from "../support/test-services";

// Several input images (multipart files and gallery ids), variations and edit titles, through
// the real routes and services, with @google/genai talking to the fake Gemini server.

let gemini: FakeGeminiServer;
let studio: TestStudio;

beforeAll(async () => {
  gemini = await startFakeGeminiServer();
  studio = await startTestStudio({
    GEMINI_API_KEY: FAKE_GEMINI_KEY,
    GEMINI_API_BASE_URL: gemini.url,
    DEMO_PROVIDER: "off",
    AUTH_RATE_LIMIT_PER_MINUTE: "1000",
    GENERATE_RATE_LIMIT_PER_MINUTE: "1000",
    DAILY_GENERATION_LIMIT: "30",
  });
});
afterAll(async () => {
  await studio?.dispose();
  await gemini?.close();
});
beforeEach(() => gemini.reset());

interface Generated {
  image: Image;
  images?: Image[];
}

/** The images of a successful answer (`images` for batches; `image` alone before them). */
function imagesOf(body: { success: boolean; data?: Generated | { images: Image[] } }): Image[] {
  if (!body.success || !body.data) throw new Error(`expected success: ${JSON.stringify(body)}`);
  const data = body.data as Partial<Generated>;
  return data.images ?? (data.image ? [data.image] : []);
}

const generateJson = (caller: ApiCaller, body: Record<string, unknown>) =>
  caller.call<Generated>(generate.POST, {
    method: "POST",
    path: "/api/v1/images/generate",
    body,
  });

async function generateOne(caller: ApiCaller, body: Record<string, unknown>): Promise<Image> {
  const response = await generateJson(caller, body);
  expect(response.status).toBe(201);
  return imagesOf(response.body)[0]!;
}

function generateMultipart(caller: ApiCaller, files: Uint8Array[], fields: Record<string, string>) {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  for (const [index, bytes] of files.entries())
    form.append("image", new Blob([bytes as Uint8Array<ArrayBuffer>]), `input-${index}.png`);
  return caller.call<Generated>(generate.POST, {
    method: "POST",
    path: "/api/v1/images/generate",
    form,
  });
}

const variationsOf = (caller: ApiCaller, id: string, body?: Record<string, unknown>) =>
  caller.call<{ images: Image[] }>(variations.POST, {
    method: "POST",
    path: `/api/v1/images/${id}/variations`,
    params: { id },
    ...(body === undefined ? {} : { body }),
  });

async function usedToday(caller: ApiCaller): Promise<number> {
  const me = await caller.call<Profile>(profile.GET, { path: "/api/v1/auth/profile" });
  if (!me.body.success) throw new Error("profile failed");
  return me.body.data.quota.usedToday;
}

async function imageCount(userId: string): Promise<number> {
  const [row] = await studio.database.query<{ n: number }>(
    "select count(*)::int as n from public.images where user_id = $1",
    [userId],
  );
  return row?.n ?? 0;
}

async function search(caller: ApiCaller, q: string): Promise<string[]> {
  const response = await caller.call<Image[]>(imageList.GET, {
    path: `/api/v1/images?q=${encodeURIComponent(q)}`,
  });
  if (!response.body.success) throw new Error(JSON.stringify(response.body));
  return response.body.data.map((image) => image.id);
}

/** Distinct flat-colour PNGs, so each input can be told apart. */
async function colourPngs(count: number): Promise<Uint8Array[]> {
  const colours = ["#d03030", "#30a040", "#3050d0", "#e0c020", "#a040c0"];
  return Promise.all(
    colours.slice(0, count).map(
      async (background) =>
        new Uint8Array(
          await sharp({ create: { width: 320, height: 240, channels: 3, background } })
            .png()
            .toBuffer(),
        ),
    ),
  );
}

/** The mean colour of a decoded inline image, to tell which input arrived where. */
async function meanColour(bytes: Buffer): Promise<[number, number, number]> {
  const { channels } = await sharp(bytes).stats();
  return [channels[0]!.mean, channels[1]!.mean, channels[2]!.mean];
}

describe("several input images", () => {
  it("sends two gallery images (own private and someone's public) to Gemini as two inline images and records both", async () => {
    const owner = await signUp("inputs-ids");
    const other = await signUp("inputs-ids-other");
    const own = await generateOne(owner.caller, { prompt: "a grey cat on a windowsill" });
    const theirs = await generateOne(other.caller, {
      prompt: "a sunlit living room",
      isPublic: true,
    });
    gemini.reset();

    const response = await generateJson(owner.caller, {
      prompt: "put the cat from image 1 in the room of image 2",
      inputImageIds: [own.id, theirs.id],
    });
    expect(response.status).toBe(201);
    const [composed] = imagesOf(response.body);
    expect(composed).toMatchObject({
      sourceImageIds: [own.id, theirs.id],
      parentId: own.id,
      prompt: "put the cat from image 1 in the room of image 2",
    });

    expect(gemini.requests).toHaveLength(1);
    const sent = gemini.requests[0]!;
    expect(sent.inlineImages).toHaveLength(2);
    for (const image of sent.inlineImages) expect(image.mimeType).toMatch(/^image\/(png|jpeg)$/);
    const text = JSON.stringify(sent.body);
    expect(text).toContain("Image 1:");
    expect(text).toContain("Image 2:");
    expect(text).toContain("labelled in order as image 1 and image 2");

    // Stored with the row, not only in the answer.
    const [row] = await studio.database.query<{ source_image_ids: string[]; parent_id: string }>(
      "select source_image_ids, parent_id from public.images where id = $1",
      [composed!.id],
    );
    expect(row).toEqual({ source_image_ids: [own.id, theirs.id], parent_id: own.id });
  });

  it("takes four multipart files in the order sent", async () => {
    const { caller, user } = await signUp("inputs-four");
    const files = await colourPngs(4);
    const response = await generateMultipart(caller, files, {
      prompt: "a collage of these four colours",
    });
    expect(response.status).toBe(201);
    const [image] = imagesOf(response.body);
    // Uploads have no id: nothing to record as a source.
    expect(image).toMatchObject({ sourceImageIds: [], parentId: null });
    const received = gemini.requests[0]!.inlineImages;
    expect(received).toHaveLength(4);
    const expected = [
      [208, 48, 48],
      [48, 160, 64],
      [48, 80, 208],
      [224, 192, 32],
    ];
    for (const [index, image] of received.entries()) {
      const mean = await meanColour(image.bytes);
      mean.forEach((channel, at) =>
        expect(Math.abs(channel - expected[index]![at]!)).toBeLessThan(8),
      );
    }
    expect(await imageCount(user.id)).toBe(1);
  });

  it("refuses a fifth file with VALIDATION_ERROR and changes nothing", async () => {
    const { caller, user } = await signUp("inputs-five");
    const response = await generateMultipart(caller, await colourPngs(5), {
      prompt: "too many inputs",
    });
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({
      success: false,
      error: { code: "VALIDATION_ERROR", message: expect.stringContaining("at most 4") },
    });
    expect(gemini.requests).toHaveLength(0);
    expect(await usedToday(caller)).toBe(0);
    expect(await imageCount(user.id)).toBe(0);
  });

  it("mixes files and gallery ids up to four together: files first, then the ids", async () => {
    const { caller } = await signUp("inputs-mixed");
    const source = await generateOne(caller, { prompt: "a blue teapot" });
    gemini.reset();
    const files = await colourPngs(2);

    const form = new FormData();
    form.append("prompt", "the teapot of image 3 painted in the colours of images 1 and 2");
    form.append("inputImageIds", source.id);
    for (const bytes of files) form.append("image", new Blob([bytes as Uint8Array<ArrayBuffer>]));
    const mixed = await caller.call<Generated>(generate.POST, {
      method: "POST",
      path: "/api/v1/images/generate",
      form,
    });
    expect(mixed.status).toBe(201);
    expect(imagesOf(mixed.body)[0]).toMatchObject({
      sourceImageIds: [source.id],
      parentId: source.id,
    });
    const received = gemini.requests[0]!.inlineImages;
    expect(received).toHaveLength(3);
    expect((await meanColour(received[0]!.bytes))[0]).toBeGreaterThan(180);
    expect((await meanColour(received[1]!.bytes))[1]).toBeGreaterThan(140);

    gemini.reset();
    const over = new FormData();
    over.append("prompt", "five in all");
    over.append("inputImageIds", source.id);
    for (const bytes of await colourPngs(4))
      over.append("image", new Blob([bytes as Uint8Array<ArrayBuffer>]));
    const refused = await caller.call(generate.POST, {
      method: "POST",
      path: "/api/v1/images/generate",
      form: over,
    });
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({ error: { code: "VALIDATION_ERROR" } });
    expect(gemini.requests).toHaveLength(0);
  });

  it("answers another user's private image and an unknown id with the same 404, spending nothing", async () => {
    const owner = await signUp("inputs-private-owner");
    const intruder = await signUp("inputs-private-intruder");
    const secret = await generateOne(owner.caller, { prompt: "a private sketch" });
    const before = await usedToday(intruder.caller);
    gemini.reset();

    const privateOne = await generateJson(intruder.caller, {
      prompt: "use their image",
      inputImageIds: [secret.id],
    });
    const unknown = await generateJson(intruder.caller, {
      prompt: "use their image",
      inputImageIds: [crypto.randomUUID()],
    });
    for (const response of [privateOne, unknown]) {
      expect(response.status).toBe(404);
      expect(response.body).toMatchObject({ success: false, error: { code: "NOT_FOUND" } });
    }
    const strip = (body: unknown) => {
      const { meta: _meta, ...rest } = body as { meta: unknown };
      return rest;
    };
    expect(strip(privateOne.body)).toEqual(strip(unknown.body));
    expect(JSON.stringify(privateOne.body)).not.toContain("private sketch");
    expect(gemini.requests).toHaveLength(0);
    expect(await usedToday(intruder.caller)).toBe(before);
    expect(await imageCount(intruder.user.id)).toBe(0);
  });

  it.each([
    ["five ids", () => Array.from({ length: 5 }, () => crypto.randomUUID())],
    ["the same id twice", () => Array(2).fill("1b4e28ba-2fa1-41d2-883f-0016d3cca427")],
    ["a non-uuid", () => ["../../etc/passwd"]],
    ["a string instead of a list", () => "1b4e28ba-2fa1-41d2-883f-0016d3cca427"],
  ])("refuses %s in inputImageIds with VALIDATION_ERROR", async (_label, ids) => {
    const { caller } = await signUp("inputs-bad-ids");
    const response = await generateJson(caller, { prompt: "anything", inputImageIds: ids() });
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ error: { code: "VALIDATION_ERROR" } });
    expect(gemini.requests).toHaveLength(0);
    expect(await usedToday(caller)).toBe(0);
  });

  it("names the file at fault when one of several is not an image", async () => {
    const { caller } = await signUp("inputs-bad-file");
    const [good] = await colourPngs(1);
    const response = await generateMultipart(
      caller,
      [good!, new TextEncoder().encode("not an image at all")],
      { prompt: "two inputs, one broken" },
    );
    expect(response.status).toBe(415);
    expect(response.body).toMatchObject({
      error: { code: "UNSUPPORTED_MEDIA_TYPE", message: expect.stringMatching(/^Input image 2:/) },
    });
    expect(await usedToday(caller)).toBe(0);
  });

  it("keeps four large inputs within Gemini's 20 MB request", async () => {
    const { caller } = await signUp("inputs-large");
    // Noise with transparency stays a PNG when prepared: about 7.5 MB each, 30 MB for four.
    const noisyPng = async (seed: number) => {
      const side = 1400;
      const pixels = Buffer.alloc(side * side * 4);
      let state = seed;
      for (let i = 0; i < pixels.length; i++) {
        state = (state * 1103515245 + 12345) & 0x7fffffff;
        pixels[i] = i % 4 === 3 ? 200 : state & 0xff;
      }
      return new Uint8Array(
        await sharp(pixels, { raw: { width: side, height: side, channels: 4 } })
          .png({ compressionLevel: 1 })
          .toBuffer(),
      );
    };
    const files = await Promise.all([1, 2, 3, 4].map(noisyPng));
    const response = await generateMultipart(caller, files, { prompt: "four noisy squares" });
    expect(response.status).toBe(201);
    const received = gemini.requests[0]!.inlineImages;
    expect(received).toHaveLength(4);
    const total = received.reduce((sum, image) => sum + image.bytes.byteLength, 0);
    expect(total).toBeLessThanOrEqual(14 * 1024 * 1024);
  }, 60_000);
});

describe("variations", () => {
  it("makes two images from one source, each with it as parent, its prompt as title and its own seed", async () => {
    const { caller, user } = await signUp("variations");
    const source = await generateOne(caller, {
      prompt: "a lighthouse in a storm",
      aspectRatio: "16:9",
      tags: ["sea"],
    });
    gemini.reset();
    const before = await usedToday(caller);

    const response = await variationsOf(caller, source.id, { count: 2, strength: 0.8 });
    expect(response.status).toBe(201);
    expect(response.headers.get("x-quota-remaining")).toBe(String(30 - before - 2));
    const made = imagesOf(response.body);
    expect(made).toHaveLength(2);
    for (const image of made) {
      expect(image).toMatchObject({
        parentId: source.id,
        sourceImageIds: [source.id],
        prompt: "a lighthouse in a storm",
        aspectRatio: "16:9",
        tags: ["sea"],
      });
    }
    expect(new Set(made.map((image) => image.seed)).size).toBe(2);
    expect(await usedToday(caller)).toBe(before + 2);
    expect(await imageCount(user.id)).toBe(3);

    expect(gemini.requests).toHaveLength(2);
    for (const sent of gemini.requests) {
      expect(sent.inlineImages).toHaveLength(1);
      const text = JSON.stringify(sent.body);
      expect(text).toContain("a lighthouse in a storm");
      expect(text).toContain("bold reinterpretation");
    }
    // Found by the source's subject.
    expect(await search(caller, "lighthouse")).toEqual(
      expect.arrayContaining([source.id, ...made.map((image) => image.id)]),
    );
  });

  it("makes one close variation when the body is empty, also of someone's public image", async () => {
    const author = await signUp("variations-author");
    const fan = await signUp("variations-fan");
    const source = await generateOne(author.caller, {
      prompt: "a paper crane",
      isPublic: true,
      tags: ["origami"],
    });
    gemini.reset();
    const response = await variationsOf(fan.caller, source.id);
    expect(response.status).toBe(201);
    const [image] = imagesOf(response.body);
    // The author's tags stay theirs.
    expect(image).toMatchObject({ parentId: source.id, userId: fan.user.id, tags: [] });
    expect(JSON.stringify(gemini.requests[0]!.body)).toContain("Variation strength 50%");
  });

  it("answers 404 for someone else's private image and spends nothing", async () => {
    const owner = await signUp("variations-private");
    const intruder = await signUp("variations-intruder");
    const source = await generateOne(owner.caller, { prompt: "a private diary page" });
    gemini.reset();
    for (const id of [source.id, crypto.randomUUID()]) {
      const response = await variationsOf(intruder.caller, id, { count: 2 });
      expect(response.status).toBe(404);
      expect(response.body).toMatchObject({
        error: { code: "NOT_FOUND", message: "Image not found." },
      });
    }
    expect(gemini.requests).toHaveLength(0);
    expect(await usedToday(intruder.caller)).toBe(0);
  });

  it.each([
    [{ strength: 1.5 }],
    [{ strength: -0.1 }],
    [{ strength: "strong" }],
    [{ count: 5 }],
    [{ count: 0 }],
    [{ prompt: "not a field here" }],
  ])("refuses %j with VALIDATION_ERROR and spends nothing", async (body) => {
    const { caller, user } = await signUp("variations-bad");
    const source = await generateOne(caller, { prompt: "a bowl of fruit" });
    gemini.reset();
    const response = await variationsOf(caller, source.id, body);
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ error: { code: "VALIDATION_ERROR" } });
    expect(gemini.requests).toHaveLength(0);
    expect(await usedToday(caller)).toBe(1);
    expect(await imageCount(user.id)).toBe(1);
  });
});

/** The events of a finished event stream, by their `event:` and `data:` lines. */
async function readEvents(response: Response): Promise<{ event: string; data: unknown }[]> {
  const text = await response.text();
  return text.split("\n\n").flatMap((block) => {
    const lines = block.split("\n");
    const event = lines.find((line) => line.startsWith("event: "))?.slice("event: ".length);
    const data = lines.find((line) => line.startsWith("data: "))?.slice("data: ".length);
    return event && data ? [{ event, data: JSON.parse(data) as unknown }] : [];
  });
}

describe("variations answer like generate", () => {
  it("streams an image event per variation, then done with both, and names the generation", async () => {
    const { caller } = await signUp("variations-stream");
    const source = await generateOne(caller, { prompt: "a hot air balloon" });
    const response = await caller.raw(variations.POST, {
      method: "POST",
      path: `/api/v1/images/${source.id}/variations`,
      params: { id: source.id },
      body: { count: 2, strength: 0.1 },
      headers: { accept: "text/event-stream" },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/event-stream");
    expect(response.headers.get("x-generation-id")).toMatch(/^[0-9a-f-]{36}$/);
    expect(response.headers.get("x-quota-remaining")).toBe("29");
    const events = await readEvents(response);
    const images = events.filter((item) => item.event === "image");
    expect(images).toHaveLength(2);
    const done = events.at(-1)!;
    expect(done.event).toBe("done");
    const made = (done.data as { images: Image[] }).images;
    expect(made).toHaveLength(2);
    for (const image of made) expect(image.parentId).toBe(source.id);
    expect(JSON.stringify(gemini.requests.at(-1)!.body)).toContain("subtle variation");
  });

  it("names the generation on the JSON answer too", async () => {
    const { caller } = await signUp("variations-json-id");
    const source = await generateOne(caller, { prompt: "a kite" });
    const response = await variationsOf(caller, source.id, {});
    expect(response.status).toBe(201);
    expect(response.headers.get("x-generation-id")).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe("edits keep their subject", () => {
  it("titles an edit '<original> — edit: <instruction>' and the gallery search finds it by either", async () => {
    const { caller } = await signUp("edit-title");
    const source = await generateOne(caller, { prompt: "a red fox in fresh snow" });
    const response = await caller.call<Generated>(edit.POST, {
      method: "POST",
      path: `/api/v1/images/${source.id}/edit`,
      params: { id: source.id },
      body: { prompt: "make it a moonlit night" },
    });
    expect(response.status).toBe(201);
    const [edited] = imagesOf(response.body);
    expect(edited).toMatchObject({
      prompt: "a red fox in fresh snow — edit: make it a moonlit night",
      parentId: source.id,
      sourceImageIds: [source.id],
    });
    // The provider got the instruction, not the title.
    const sent = JSON.stringify(gemini.requests.at(-1)!.body);
    expect(sent).toContain("change it as follows: make it a moonlit night.");
    expect(sent).not.toContain("— edit:");

    expect(await search(caller, "fox")).toEqual(expect.arrayContaining([source.id, edited!.id]));
    expect(await search(caller, "moonlit")).toEqual([edited!.id]);
  });
});

it("sends an opaque input as JPEG and one with transparency as PNG", async () => {
  const { caller } = await signUp("inputs-kinds");
  const response = await generateMultipart(
    caller,
    [await makeJpeg(400, 300), await makePng(300, 400)],
    {
      prompt: "merge these two",
    },
  );
  expect(response.status).toBe(201);
  expect(gemini.requests[0]!.inlineImages.map((image) => image.mimeType)).toEqual([
    "image/jpeg",
    "image/png",
  ]);
});
