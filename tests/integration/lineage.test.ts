import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as lineage from "@/app/api/v1/images/[id]/lineage/route";
import type { ImageLineage } from "@/shared/api-types";
import { ApiCaller } from "../support/api-caller";
import { seedImageRows } from "../support/seed-images";
import { signUp } from "../support/sign-up";
import { startTestStudio, type TestStudio } from "../support/test-services";

let studio: TestStudio;
beforeAll(async () => {
  studio = await startTestStudio({ AUTH_RATE_LIMIT_PER_MINUTE: "1000" });
});
afterAll(async () => {
  await studio?.dispose();
});

/** Makes each image the parent of the next: ids[0] ← ids[1] ← … */
async function chain(ids: string[]) {
  for (let i = 1; i < ids.length; i++) {
    await studio.database.query("update public.images set parent_id = $1 where id = $2", [
      ids[i - 1],
      ids[i],
    ]);
  }
}

async function lineageOf(caller: ApiCaller, id: string): Promise<ImageLineage> {
  const response = await caller.call<ImageLineage>(lineage.GET, {
    path: `/api/v1/images/${id}/lineage`,
    params: { id },
  });
  if (!response.body.success) throw new Error(JSON.stringify(response.body));
  return response.body.data;
}

describe("lineage (one recursive query)", () => {
  it("walks up to 50 ancestors, root first, and lists the newest 50 direct edits", async () => {
    const owner = await signUp("lineage-deep");
    const ids = await seedImageRows(studio.database, { userId: owner.user.id, count: 60 });
    await chain(ids);
    const image = ids[55]!;
    const children = await seedImageRows(studio.database, { userId: owner.user.id, count: 52 });
    await studio.database.query(
      "update public.images set parent_id = $1 where id = any($2::uuid[])",
      [image, children],
    );
    const seen = await lineageOf(owner.caller, image);
    expect(seen.ancestors.map((item) => item.id)).toEqual(ids.slice(5, 55));
    expect(seen.descendants.map((item) => item.id)).toEqual(children.slice(2).reverse());
  });

  it("shows others the chain only down from the nearest ancestor they may not see, and only public edits", async () => {
    const owner = await signUp("lineage-owner");
    const visitor = await signUp("lineage-visitor");
    // root (public) ← hidden (private) ← parent (public) ← image (public) ← edits
    const [root, hidden, parent, image, publicEdit, privateEdit] = await seedImageRows(
      studio.database,
      { userId: owner.user.id, count: 6, isPublic: (i) => i !== 1 && i !== 5 },
    );
    await chain([root!, hidden!, parent!, image!, publicEdit!]);
    await studio.database.query("update public.images set parent_id = $1 where id = $2", [
      image,
      privateEdit,
    ]);
    for (const caller of [visitor.caller, new ApiCaller()]) {
      const seen = await lineageOf(caller, image!);
      expect(seen.ancestors.map((item) => item.id)).toEqual([parent]);
      expect(seen.descendants.map((item) => item.id)).toEqual([publicEdit]);
    }
    const own = await lineageOf(owner.caller, image!);
    expect(own.ancestors.map((item) => item.id)).toEqual([root, hidden, parent]);
    expect(own.descendants.map((item) => item.id)).toEqual([privateEdit, publicEdit]);
    const denied = await visitor.caller.call(lineage.GET, {
      path: `/api/v1/images/${hidden}/lineage`,
      params: { id: hidden! },
    });
    expect(denied.status).toBe(404);
  });
});

describe("lineage of compositions (several source images)", () => {
  it("lists every visible source in order and counts the composition among each source's descendants", async () => {
    const owner = await signUp("lineage-compose");
    const visitor = await signUp("lineage-compose-visitor");
    // first (public), second (private), third (public) → composed (public)
    const [first, second, third, composed] = await seedImageRows(studio.database, {
      userId: owner.user.id,
      count: 4,
      isPublic: (i) => i !== 1,
    });
    await studio.database.query(
      "update public.images set parent_id = $1, source_image_ids = $2::uuid[] where id = $3",
      [first, [first, second, third], composed],
    );

    const own = await lineageOf(owner.caller, composed!);
    expect(own.sources.map((item) => item.id)).toEqual([first, second, third]);
    expect(own.ancestors.map((item) => item.id)).toEqual([first]);
    // Others see the public sources only, in the same order.
    const seen = await lineageOf(visitor.caller, composed!);
    expect(seen.sources.map((item) => item.id)).toEqual([first, third]);
    // The composition is a descendant of its second and third source too, not only its parent.
    for (const source of [first!, third!]) {
      const down = await lineageOf(visitor.caller, source);
      expect(down.descendants.map((item) => item.id)).toEqual([composed]);
      expect(down.sources).toEqual([]);
    }
  });

  it("forgets a deleted source the way parent_id does, keeping the others in order", async () => {
    const owner = await signUp("lineage-compose-delete");
    const [first, second, third, composed, other] = await seedImageRows(studio.database, {
      userId: owner.user.id,
      count: 5,
    });
    await studio.database.query(
      "update public.images set parent_id = $1, source_image_ids = $2::uuid[] where id = $3",
      [first, [first, second, third], composed],
    );
    await studio.database.query(
      "update public.images set parent_id = $1, source_image_ids = $2::uuid[] where id = $3",
      [second, [second], other],
    );
    await studio.database.query("delete from public.images where id = any($1::uuid[])", [
      [first, second],
    ]);
    const rows = await studio.database.query<{
      id: string;
      parent_id: string | null;
      source_image_ids: string[];
    }>(
      "select id, parent_id, source_image_ids from public.images where id = any($1::uuid[]) order by id",
      [[composed, other]],
    );
    const byId = new Map(rows.map((row) => [row.id, row]));
    expect(byId.get(composed!)).toMatchObject({ parent_id: null, source_image_ids: [third] });
    expect(byId.get(other!)).toMatchObject({ parent_id: null, source_image_ids: [] });
  });
});
