-- Web Push subscriptions (src/server/notifications/push-service.ts): one row per browser that
-- turned "Notifications on this device" on in Settings. When a generation finishes while no page
-- is watching it (the tab was closed), the server sends each of the owner's subscriptions one
-- encrypted message (RFC 8291 aes128gcm, VAPID RFC 8292) through the browser's push service.
--
-- The endpoint is a capability URL (whoever holds it and the keys can message that browser), so
-- it is unique across the table (a browser re-subscribing, or signing in as someone else, moves
-- the row) and never leaves the server: the API lists devices by id and label only. A push
-- service answering 404 or 410 means the subscription is gone for good: the row is deleted then.
-- Account deletion takes the rows with it (cascade from auth.users).
create table public.push_subscriptions (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references auth.users (id) on delete cascade,
  endpoint text not null unique check (char_length(endpoint) between 9 and 2048),
  -- The browser's P-256 public key (65 bytes) and auth secret (16 bytes), base64url.
  p256dh text not null check (char_length(p256dh) between 86 and 88),
  auth text not null check (char_length(auth) between 22 and 24),
  -- What the Settings list calls the device: "Chrome on Android" (src/server/auth/device-label.ts).
  device text not null check (char_length(device) <= 100),
  created_at timestamptz not null default now(),
  last_success_at timestamptz
);
create index push_subscriptions_user_idx on public.push_subscriptions (user_id, created_at desc);

-- No policy: the server alone reads and writes it (the endpoint and keys are secrets).
alter table public.push_subscriptions enable row level security;
