import type { RealtimeClientOptions, WebSocketLikeConstructor } from "@supabase/supabase-js";

function refuseRealtimeConnection(): never {
  throw new Error("Supabase Realtime is not used by the server.");
}

/**
 * `realtime` option for every server-side Supabase client. supabase-js builds a Realtime
 * client inside createClient, and where there is no global WebSocket (Node 20) that throws
 * before any auth call is made. The server never opens Realtime channels, so it gets a
 * transport that refuses to connect rather than a WebSocket implementation. Edge-safe.
 */
export const REALTIME_UNUSED: RealtimeClientOptions = {
  transport: refuseRealtimeConnection as unknown as WebSocketLikeConstructor,
};
