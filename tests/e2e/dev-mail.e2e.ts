import { describe, expect, it } from "vitest";
import { BASE_URL } from "./support/browser";

/**
 * The embedded mailer's inbox holds reset and verification links: a production build (what
 * gets deployed, and what this suite starts) must never serve it, even on embedded parts.
 */
describe("the development mail page", () => {
  it("answers 404 with nothing of the inbox on a production build", async () => {
    for (const path of ["/dev/mail", "/dev/mail/00000000-0000-4000-8000-000000000000"]) {
      const response = await fetch(new URL(path, BASE_URL));
      expect(response.status).toBe(404);
      const html = await response.text();
      expect(html).not.toContain("dev-mail-list");
      expect(html).not.toContain("dev-mail-empty");
    }
  });
});
