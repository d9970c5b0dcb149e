import * as register from "@/app/api/v1/auth/register/route";
import type { Session, User } from "@/shared/api-types";
import { ApiCaller } from "./api-caller";

export const TEST_PASSWORD = "a good password";

export interface SignedUp {
  /** Sends the session cookie of this account. */
  caller: ApiCaller;
  user: User;
  email: string;
  session: Session;
}

let counter = 0;

/** A new account, registered through the real route; its caller holds the session cookie. */
export async function signUp(label = "person", name = "Test Person"): Promise<SignedUp> {
  const caller = new ApiCaller();
  const email = `${label}-${Date.now()}-${++counter}@example.com`;
  const response = await caller.call<{ user: User; session: Session }>(register.POST, {
    method: "POST",
    path: "/api/v1/auth/register",
    body: { email, password: TEST_PASSWORD, name },
  });
  if (!response.body.success) throw new Error(`register failed: ${JSON.stringify(response.body)}`);
  return { caller, user: response.body.data.user, email, session: response.body.data.session };
}
