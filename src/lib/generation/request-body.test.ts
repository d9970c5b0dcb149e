import { describe, expect, it } from "vitest";
import { buildGenerateBody } from "./request-body";

describe("buildGenerateBody", () => {
  it("sends JSON without an input image", () => {
    const input = { prompt: "a fox", aspectRatio: "1:1" as const, tags: ["fox"], isPublic: false };
    expect(buildGenerateBody(input, null)).toEqual({ kind: "json", value: input });
  });

  it("sends multipart with the contract's field formats when there is an input image", () => {
    const image = new File([new Uint8Array([1, 2, 3])], "cat.png", { type: "image/png" });
    const body = buildGenerateBody(
      {
        prompt: "make it blue",
        negativePrompt: "text",
        styleTemplateId: "5d0c5f0e-8a3b-4a4f-9d7e-0d7e0d7e0d7e",
        aspectRatio: "16:9",
        quality: "high",
        seed: 42,
        tags: ["blue", "cat"],
        isPublic: true,
      },
      image,
    );
    expect(body.kind).toBe("form");
    if (body.kind !== "form") return;
    const form = body.value;
    expect(form.get("prompt")).toBe("make it blue");
    expect(form.get("negativePrompt")).toBe("text");
    expect(form.get("aspectRatio")).toBe("16:9");
    expect(form.get("quality")).toBe("high");
    expect(form.get("seed")).toBe("42");
    expect(form.get("tags")).toBe('["blue","cat"]');
    expect(form.get("isPublic")).toBe("true");
    const file = form.get("image");
    expect(file).toBeInstanceOf(File);
    expect((file as File).name).toBe("cat.png");
  });

  it("leaves out what was not chosen", () => {
    const body = buildGenerateBody(
      { prompt: "p", isPublic: false },
      new Blob([new Uint8Array([1])]),
    );
    if (body.kind !== "form") throw new Error("expected a form");
    expect([...body.value.keys()].sort()).toEqual(["image", "isPublic", "prompt"]);
    expect(body.value.get("isPublic")).toBe("false");
  });

  it("sends several input files as repeated `image` parts, with the count and gallery picks", () => {
    const first = new File([new Uint8Array([1])], "person.png", { type: "image/png" });
    const second = new Blob([new Uint8Array([2])], { type: "image/webp" });
    const ids = ["5d0c5f0e-8a3b-4a4f-9d7e-0d7e0d7e0d7e"];
    const body = buildGenerateBody({ prompt: "p", count: 3 }, [first, second], ids);
    if (body.kind !== "form") throw new Error("expected a form");
    const files = body.value.getAll("image") as File[];
    expect(files.map((file) => file.name)).toEqual(["person.png", "input-image-2"]);
    expect(body.value.get("count")).toBe("3");
    expect(body.value.get("inputImageIds")).toBe(JSON.stringify(ids));
  });

  it("sends gallery picks alone as JSON inputImageIds", () => {
    const ids = ["5d0c5f0e-8a3b-4a4f-9d7e-0d7e0d7e0d7e", "6d0c5f0e-8a3b-4a4f-9d7e-0d7e0d7e0d7e"];
    expect(buildGenerateBody({ prompt: "p", count: 2 }, [], ids)).toEqual({
      kind: "json",
      value: { prompt: "p", count: 2, inputImageIds: ids },
    });
  });
});
