import { expect } from "vitest";
import type { Page } from "playwright-core";

/** Page objects: what a person does on each page, in the words of the page. */
export class RegisterPage {
  constructor(readonly page: Page) {}
  async open(next?: string) {
    await this.page.goto(next ? `/register?next=${encodeURIComponent(next)}` : "/register");
  }
  async register(input: { name: string; email: string; password: string }) {
    const form = this.page.getByTestId("register-form");
    await form.locator('input[name="name"]').fill(input.name);
    await form.locator('input[name="email"]').fill(input.email);
    await form.locator('input[name="password"]').fill(input.password);
    await form.locator('button[type="submit"]').click();
  }
}

export class LoginPage {
  constructor(readonly page: Page) {}
  async open(next?: string) {
    await this.page.goto(next ? `/login?next=${encodeURIComponent(next)}` : "/login");
  }
  async login(input: { email: string; password: string }) {
    const form = this.page.getByTestId("login-form");
    await form.locator('input[name="email"]').fill(input.email);
    await form.locator('input[name="password"]').fill(input.password);
    await form.locator('button[type="submit"]').click();
  }
}

export class AppShell {
  constructor(readonly page: Page) {}
  async logOut() {
    const visible = this.page
      .getByRole("button", { name: "Log out", exact: true })
      .filter({ visible: true });
    if ((await visible.count()) === 0) {
      // Phone layout: Log out lives in the user menu of the top bar.
      await this.page
        .getByRole("button", { name: /account menu|user menu|open menu/i })
        .first()
        .click();
      await this.page.getByRole("menuitem", { name: "Log out" }).click();
    } else {
      await visible.first().click();
    }
    await this.page.waitForURL(/\/login/);
  }
}

export async function waitForPath(page: Page, path: string | RegExp) {
  await page.waitForURL(
    (url) => (typeof path === "string" ? url.pathname === path : path.test(url.pathname)),
    {
      timeout: 20_000,
    },
  );
  expect(true).toBe(true);
}
