import { describe, expect, it } from "vitest";
import { notificationFromPush, PUSH_ICON } from "./push-message";

describe("notificationFromPush", () => {
  it("shows a generation's message with its page, tag and the studio's icon", () => {
    const shown = notificationFromPush({
      kind: "generation-finished",
      title: "Your 2 images are ready",
      body: "a lighthouse at dusk",
      url: "/images/6d1c4f0e-3a7b-4e0c-9a55-0a4c2f1e9b11",
      tag: "generation-6d1c4f0e-3a7b-4e0c-9a55-0a4c2f1e9b11",
      imageIds: ["6d1c4f0e-3a7b-4e0c-9a55-0a4c2f1e9b11", "b2"],
    });
    expect(shown).toEqual({
      title: "Your 2 images are ready",
      options: {
        body: "a lighthouse at dusk",
        icon: PUSH_ICON,
        badge: PUSH_ICON,
        tag: "generation-6d1c4f0e-3a7b-4e0c-9a55-0a4c2f1e9b11",
        data: {
          url: "/images/6d1c4f0e-3a7b-4e0c-9a55-0a4c2f1e9b11",
          imageIds: ["6d1c4f0e-3a7b-4e0c-9a55-0a4c2f1e9b11", "b2"],
        },
      },
    });
  });

  it("never opens another site: absolute and protocol-relative URLs become the gallery", () => {
    for (const url of ["https://evil.example/", "//evil.example/x", "javascript:alert(1)", 42]) {
      expect(notificationFromPush({ title: "x", url }).options.data.url).toBe("/gallery");
    }
  });

  it("gives the notification the message's language, and ignores one that is not a language tag", () => {
    expect(notificationFromPush({ title: "Gambarmu sudah jadi", lang: "id" }).options.lang).toBe(
      "id",
    );
    for (const lang of ["<x>", "english please", 7]) {
      expect(notificationFromPush({ title: "x", lang }).options).not.toHaveProperty("lang");
    }
  });

  it("still says the images are ready when the message is unreadable", () => {
    for (const data of [null, "text", 7, { title: "" }]) {
      const shown = notificationFromPush(data);
      expect(shown.title).toBe("Your images are ready");
      expect(shown.options.data).toEqual({ url: "/gallery", imageIds: [] });
    }
  });
});
