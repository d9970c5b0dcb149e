// The logger's level comes from the environment, read once: this file wants error lines.
process.env.LOG_LEVEL = "error";

import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import * as register from "@/app/api/v1/auth/register/route";
import { ApiCaller } from "../support/api-caller";
import { startTestStudio, type TestStudio } from "../support/test-services";

let studio: TestStudio;
beforeAll(async () => {
  studio = await startTestStudio();
  // A real database fault: inserting this auth user raises inside Postgres.
  await studio.database.execScript(`
    create or replace function public.__fail_user_insert() returns trigger language plpgsql as $$
    begin
      if new.email like 'refused-%' then raise exception 'user insert failed on purpose'; end if;
      return new;
    end $$;
    create trigger __fail_user_insert before insert on auth.users
      for each row execute function public.__fail_user_insert();
  `);
});
afterAll(async () => {
  await studio?.dispose();
});

describe("a failed SQL statement in the logs", () => {
  it("carries the query and the SQLSTATE, never the parameter values (email, password hash)", async () => {
    const lines: string[] = [];
    const spy = vi.spyOn(process.stderr, "write").mockImplementation((chunk) => {
      lines.push(String(chunk));
      return true;
    });
    const email = `refused-${Date.now()}@example.com`;
    let status: number;
    try {
      const response = await new ApiCaller().call(register.POST, {
        method: "POST",
        path: "/api/v1/auth/register",
        body: { email, password: "a long enough password", name: "Refused Person" },
      });
      status = response.status;
    } finally {
      spy.mockRestore();
    }
    expect(status).toBe(500);
    const log = lines.join("");
    expect(log).toContain("insert into");
    expect(log).toContain('"code":"P0001"');
    expect(log).not.toContain(email);
    expect(log).not.toContain("Refused Person");
    expect(log).not.toMatch(/\$argon2/);
    expect(log).not.toMatch(/params:/);
  });
});
