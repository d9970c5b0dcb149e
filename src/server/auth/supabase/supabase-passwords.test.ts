import type { JwtPayload } from "@supabase/supabase-js";
import { describe, expect, it } from "vitest";
import { openedByRecentLink, RECOVERY_SESSION_MINUTES } from "./supabase-passwords";

const NOW = 1_800_000_000;
const claims = (amr: unknown): JwtPayload => ({ sub: "user", amr }) as unknown as JwtPayload;

describe("openedByRecentLink (which sessions may set a password without the current one)", () => {
  it("accepts a session a mailed link opened (verifyOtp: otp; a PKCE recovery code: recovery) within the window", () => {
    expect(openedByRecentLink(claims([{ method: "otp", timestamp: NOW - 60 }]), NOW)).toBe(true);
    expect(openedByRecentLink(claims([{ method: "recovery", timestamp: NOW }]), NOW)).toBe(true);
    const edge = NOW - RECOVERY_SESSION_MINUTES * 60;
    expect(openedByRecentLink(claims([{ method: "otp", timestamp: edge }]), NOW)).toBe(true);
  });

  it("refuses a password session, one opened by a link longer ago than the window, and tokens without amr", () => {
    expect(openedByRecentLink(claims([{ method: "password", timestamp: NOW }]), NOW)).toBe(false);
    const late = NOW - RECOVERY_SESSION_MINUTES * 60 - 1;
    expect(openedByRecentLink(claims([{ method: "otp", timestamp: late }]), NOW)).toBe(false);
    expect(openedByRecentLink(claims(undefined), NOW)).toBe(false);
    expect(openedByRecentLink(claims(["otp"]), NOW)).toBe(false);
  });
});
