"use client";

import dynamic from "next/dynamic";
import { useTranslations } from "next-intl";
import { useErrorMessage } from "@/lib/i18n/use-error-message";
import { AccountSection } from "./account-section";
import { ApiKeysSection } from "./api-keys-section";
import { AppearanceSection } from "./appearance-section";
import { LoadError } from "./load-error";
import { PreferencesSection } from "./preferences-section";
import { ProfileSection } from "./profile-section";
import { ProviderKeySection } from "./provider-key-section";
import { SectionSkeleton, SettingsSkeleton } from "./settings-skeleton";
import { useProfile } from "./use-profile";
import { YourDataSection } from "./your-data-section";

/**
 * What a section loaded after the page shows until its code arrives: its skeleton, under the
 * section's id so that /settings#<id> lands there.
 */
function placeholderOf(id: string) {
  return function SectionPlaceholder() {
    return (
      <div id={id} data-testid={`${id}-loading`}>
        <SectionSkeleton rows={2} />
      </div>
    );
  };
}

// Email, Password, Sessions and Image retention are far down the page (and Sessions loads its own data): their
// code comes after the page's, so the first load stays within the route budget. Drawn in the
// browser only: a dynamic part rendered on the server is announced by a preload without the
// CSP nonce.
const EmailSection = dynamic(
  () => import("./email-section").then((module) => module.EmailSection),
  { ssr: false, loading: placeholderOf("email") },
);
const SecuritySection = dynamic(
  () => import("./security-section").then((module) => module.SecuritySection),
  { ssr: false, loading: placeholderOf("security") },
);
const SessionsSection = dynamic(
  () => import("./sessions-section").then((module) => module.SessionsSection),
  { ssr: false, loading: placeholderOf("sessions") },
);
// What this device keeps offline reads IndexedDB and the caches, in the browser only anyway.
const OfflineSection = dynamic(
  () => import("./offline-section").then((module) => module.OfflineSection),
  { ssr: false, loading: placeholderOf("offline") },
);
// Cloudflare's account form and the provider order, after the page's code like the far-down parts.
const ImageProvidersSection = dynamic(
  () => import("./image-providers-section").then((module) => module.ImageProvidersSection),
  { ssr: false, loading: placeholderOf("image-providers") },
);
// Web Push reads the browser's Push API and service worker, in the browser only anyway.
const PushSection = dynamic(() => import("./push-section").then((module) => module.PushSection), {
  ssr: false,
  loading: placeholderOf("notifications"),
});
const RetentionSection = dynamic(
  () =>
    import("@/components/retention/retention-section").then((module) => module.RetentionSection),
  { ssr: false, loading: placeholderOf("retention") },
);

export function SettingsView({ passwordConfirmsDeletion }: { passwordConfirmsDeletion: boolean }) {
  const t = useTranslations("settings.view");
  const errorText = useErrorMessage();
  const { state, reload, updateProfile } = useProfile();

  return (
    <div className="flex min-w-0 flex-col gap-6" data-testid="settings-view">
      {state.status === "loading" ? <SettingsSkeleton /> : null}
      {state.status === "error" ? (
        <LoadError
          title={t("loadError")}
          message={errorText(state.error)}
          onRetry={reload}
          className="rounded-card border-line bg-surface shadow-card border p-5 sm:p-6"
          testId="settings-error"
          retryTestId="settings-retry"
        />
      ) : null}
      {state.status === "ready" ? (
        <>
          <ProfileSection
            profile={state.data}
            onUserChange={(user) => updateProfile((profile) => ({ ...profile, user }))}
          />
          <PreferencesSection settings={state.data.settings} />
        </>
      ) : null}
      <AppearanceSection />
      <OfflineSection />
      {state.status === "ready" ? (
        <>
          <ProviderKeySection providerKey={state.data.providerKey} />
          <ImageProvidersSection settings={state.data.settings} />
          <ApiKeysSection />
        </>
      ) : null}
      {state.status === "loading" ? <SectionSkeleton rows={2} /> : null}
      {state.status === "ready" ? <EmailSection user={state.data.user} /> : null}
      {state.status === "ready" ? <SecuritySection /> : null}
      {state.status === "ready" ? <SessionsSection /> : null}
      {state.status === "ready" ? <PushSection /> : null}
      {state.status === "ready" ? <RetentionSection /> : null}
      <AccountSection email={state.status === "ready" ? state.data.user.email : null} />
      <YourDataSection
        email={state.status === "ready" ? state.data.user.email : null}
        askPassword={passwordConfirmsDeletion}
      />
    </div>
  );
}
