import { describe, expect, it } from "vitest";
import { parseConfig } from "@/server/config/env";
import { devMailPageEnabled, mailOrigin } from "./dev-mail";

describe("the development mail page", () => {
  it("is served only with the embedded mailer outside production", () => {
    expect(devMailPageEnabled(parseConfig({ NODE_ENV: "development" }))).toBe(true);
    expect(devMailPageEnabled(parseConfig({ NODE_ENV: "test" }))).toBe(true);
    // `next start` on a laptop (a production build) does not serve it either.
    expect(devMailPageEnabled(parseConfig({ NODE_ENV: "production" }))).toBe(false);
    // With Resend nothing is kept to show, whatever NODE_ENV says.
    expect(
      devMailPageEnabled(
        parseConfig({
          NODE_ENV: "development",
          RESEND_API_KEY: "re_x",
          APP_URL: "http://localhost:3000",
        }),
      ),
    ).toBe(false);
  });

  it("builds links in mail on APP_URL's origin, or on this machine without one", () => {
    expect(mailOrigin(parseConfig({ APP_URL: "https://studio.example.com/" }))).toBe(
      "https://studio.example.com",
    );
    expect(mailOrigin(parseConfig({ PORT: "3100" }))).toBe("http://localhost:3100");
  });
});
