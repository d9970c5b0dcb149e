import { describe, expect, it } from "vitest";
import { POST } from "./route";

describe("POST /share-target without a service worker", () => {
  it("opens /generate with a 303 instead of answering 404", () => {
    const response = POST(
      new Request("https://studio.example/share-target", { method: "POST", body: "x" }),
    );
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe("https://studio.example/generate");
  });
});
