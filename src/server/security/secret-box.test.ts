import { describe, expect, it } from "vitest";
import { createSecretBox } from "./secret-box";

const SECRET = "a".repeat(40);
const NEXT_SECRET = "b".repeat(40);

describe("secret box", () => {
  it("opens what it sealed, and the ciphertext does not contain the plaintext", () => {
    const box = createSecretBox(SECRET);
    const sealed = box.seal("AIzaSyExampleKey1234", "user-1:gemini");
    expect(sealed.ciphertext).not.toContain("AIzaSy");
    expect(box.open(sealed.ciphertext, sealed.version, "user-1:gemini")).toBe(
      "AIzaSyExampleKey1234",
    );
  });

  it("refuses a ciphertext moved to another user (associated data) or tampered with", () => {
    const box = createSecretBox(SECRET);
    const sealed = box.seal("secret", "user-1:gemini");
    expect(() => box.open(sealed.ciphertext, sealed.version, "user-2:gemini")).toThrow();
    const tampered =
      sealed.ciphertext.slice(0, -2) + (sealed.ciphertext.endsWith("A") ? "BB" : "AA");
    expect(() => box.open(tampered, sealed.version, "user-1:gemini")).toThrow();
  });

  it("still opens old ciphertexts after APP_SECRET rotates, and seals new ones with the new key", () => {
    const old = createSecretBox(SECRET).seal("secret", "ad");
    const rotated = createSecretBox(NEXT_SECRET, [SECRET]);
    expect(rotated.open(old.ciphertext, old.version, "ad")).toBe("secret");
    expect(rotated.seal("x", "ad").version).not.toBe(old.version);
    expect(() => createSecretBox(NEXT_SECRET).open(old.ciphertext, old.version, "ad")).toThrow(
      /rotated/,
    );
  });
});
