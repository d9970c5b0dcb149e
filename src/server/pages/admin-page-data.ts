import "server-only";
import { notFound } from "next/navigation";
import { getCurrentUser } from "@/server/auth/current-user";
import { getServices } from "@/server/services";
import type { User } from "@/shared/api-types";
import type { SystemSettings } from "@/shared/system-settings";

/**
 * The signed-in admin of an /admin page. Anyone else (signed out included) gets the ordinary
 * not-found page: admin pages are hidden like another person's private things, never a 403.
 */
export async function requireAdminPage(): Promise<User> {
  const user = await getCurrentUser();
  if (!user || user.role !== "admin") notFound();
  return user;
}

/** The settings form's first data, in the HTML. */
export async function loadAdminSettings(): Promise<SystemSettings> {
  await requireAdminPage();
  return (await getServices()).systemSettings.get();
}
