import "server-only";
import { createClient } from "@supabase/supabase-js";
import { REALTIME_UNUSED } from "./realtime-unused";

/**
 * The Supabase admin client. It authenticates with the project's SECRET key, which bypasses
 * Row Level Security and can act on any user: it must never reach the browser, never be
 * handed to code that runs with user input as the query, and never be logged.
 */
export function createSupabaseAdminClient({ url, secretKey }: { url: string; secretKey: string }) {
  return createClient(url, secretKey, {
    auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
    realtime: REALTIME_UNUSED,
  });
}
