import { describe, expect, it, vi } from "vitest";
import { parseConfig } from "@/server/config/env";
import { devMailPageEnabled, mailOrigin } from "./dev-mail";
import { listStoredMail } from "./file-mailer";
import { startTestStudio } from "../../../tests/support/test-services";

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

describe("a mail sent with the embedded mailer in development", () => {
  it("is listed by the /dev/mail page's reader and logged with a link to it", async () => {
    process.env.LOG_LEVEL = "info";
    const studio = await startTestStudio({ LOG_LEVEL: "info", APP_URL: "http://localhost:3999" });
    const lines: string[] = [];
    const spy = vi.spyOn(process.stdout, "write").mockImplementation((chunk) => {
      lines.push(String(chunk));
      return true;
    });
    try {
      const to = `dev-mail-${Date.now()}@example.com`;
      await studio.services.database.db.transaction((tx) =>
        studio.services.mail.enqueue(tx, {
          kind: "reset-password",
          to,
          data: { resetUrl: "http://localhost:3999/reset-password?token=x", expiresInMinutes: 30 },
        }),
      );
      await studio.services.mail.flush();
      spy.mockRestore();

      if (studio.config.mailer.kind !== "files") throw new Error("expected the embedded mailer");
      const listed = (await listStoredMail(studio.config.mailer.dir)).filter(
        (mail) => mail.headers.to === to,
      );
      expect(listed).toHaveLength(1);
      const [mail] = listed;
      const logged = lines
        .map((line) => JSON.parse(line) as { msg: string; to?: string; open?: string })
        .find((line) => line.msg === "mail written (embedded mailer)" && line.to === to);
      expect(logged?.open).toBe(`http://localhost:3999/dev/mail/${mail!.id}`);
    } finally {
      spy.mockRestore();
      delete process.env.LOG_LEVEL;
      await studio.dispose();
    }
  }, 60_000); // a fresh embedded database is migrated first
});
