import { describe, expect, it } from "vitest";
import { BASE_URL, uniqueEmail } from "./support/browser";

/** Signs up through the API and returns the session cookie header a browser would send. */
async function signedInCookie(): Promise<string> {
  const response = await fetch(`${BASE_URL}/api/v1/auth/register`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: BASE_URL },
    body: JSON.stringify({
      email: uniqueEmail("pages"),
      password: "a long enough password",
      name: "Page Requests",
    }),
  });
  expect(response.status).toBe(201);
  return response.headers
    .getSetCookie()
    .map((line) => line.split(";")[0])
    .join("; ");
}

describe("odd requests to pages answer as the client's mistake, never a 500", () => {
  it("refuses a malformed Next-Router-State-Tree header with 400 on any page", async () => {
    for (const value of ["not json", "%7B", encodeURIComponent('["",{"children":5}]'), "[]"]) {
      for (const path of ["/", "/explore", "/login"]) {
        const response = await fetch(`${BASE_URL}${path}`, {
          headers: { rsc: "1", "next-router-state-tree": value },
        });
        expect(response.status, `${path} with ${value}`).toBe(400);
      }
    }
    // A well-formed header still renders.
    const fine = await fetch(`${BASE_URL}/explore`, {
      headers: {
        rsc: "1",
        "next-router-state-tree": encodeURIComponent(
          JSON.stringify([
            "",
            { children: ["explore", { children: ["__PAGE__", {}] }] },
            null,
            null,
            true,
          ]),
        ),
      },
    });
    expect(fine.status).toBe(200);
  });

  it("sends a signed-in visitor of /login?next= with non-Latin-1 characters on with an encoded Location", async () => {
    const cookie = await signedInCookie();
    const next = "/gallery?q=kucing 猫 😀";
    const response = await fetch(`${BASE_URL}/login?next=${encodeURIComponent(next)}`, {
      headers: { cookie },
      redirect: "manual",
    });
    expect(response.status).toBe(307);
    const location = new URL(response.headers.get("location") ?? "", BASE_URL);
    expect(location.pathname).toBe("/gallery");
    expect(location.searchParams.get("q")).toBe("kucing 猫 😀");
  });
});
