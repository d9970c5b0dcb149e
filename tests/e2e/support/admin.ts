import type { BrowserContext, Page } from "playwright-core";
import { LoginPage, RegisterPage, waitForPath } from "./pages";

/** The e2e server makes this address an admin (ADMIN_EMAILS in scripts/run-e2e.ts). */
export const E2E_ADMIN = {
  email: process.env.E2E_ADMIN_EMAIL ?? "e2e-admin@example.com",
  password: "a long enough password",
};

/**
 * A new page of `context` with the admin signed in and on `path`: registered by the first suite
 * that needs it, logged in by the others (the suites share one server).
 */
export async function signInAdmin(context: BrowserContext, path: string): Promise<Page> {
  const page = await context.newPage();
  await new LoginPage(page).open(path);
  await new LoginPage(page).login({ email: E2E_ADMIN.email, password: E2E_ADMIN.password });
  const landed = await Promise.race([
    page.waitForURL((url) => url.pathname === path, { timeout: 20_000 }).then(() => true),
    page
      .getByTestId("login-form")
      .getByRole("alert")
      .waitFor({ timeout: 20_000 })
      .then(() => false),
  ]);
  if (!landed) {
    await new RegisterPage(page).open(path);
    await new RegisterPage(page).register({
      name: "Ada Admin",
      email: E2E_ADMIN.email,
      password: E2E_ADMIN.password,
    });
    await waitForPath(page, path);
  }
  return page;
}
