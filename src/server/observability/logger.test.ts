import { describe, expect, it } from "vitest";
import { redact } from "./logger";

describe("log redaction", () => {
  it("hides values under secret-looking keys at any depth", () => {
    const out = redact({
      user: { password: "hunter22", apiKey: "k", nested: { refreshToken: "r" } },
      ok: 1,
    });
    expect(JSON.stringify(out)).not.toMatch(/hunter22|"k"|"r"/);
    expect(out).toMatchObject({ ok: 1 });
  });

  it("hides secrets that appear inside ordinary strings", () => {
    const message =
      "call failed with key AIzaSyA1234567890abcdefghijklmnop and Bearer eyJhbGciOi.eyJzdWIiOiIx.sig and ais_abcdefghijklmnopqrstuvwxyz012345";
    const out = String(redact(message));
    expect(out).not.toMatch(/AIza|eyJhbGci|ais_abcdef/);
    expect(out).toContain("[redacted]");
  });

  it("keeps an error's name and message but redacts what they hold", () => {
    const out = redact(new Error("token ais_abcdefghijklmnopqrstuvwxyz012345 rejected")) as {
      name: string;
      message: string;
    };
    expect(out.name).toBe("Error");
    expect(out.message).toBe("token [redacted] rejected");
  });
});
