"use client";

import { AccountSection } from "./account-section";
import { ApiKeysSection } from "./api-keys-section";
import { AppearanceSection } from "./appearance-section";
import { EmailSection } from "./email-section";
import { LoadError } from "./load-error";
import { OfflineSection } from "./offline-section";
import { PreferencesSection } from "./preferences-section";
import { ProfileSection } from "./profile-section";
import { ProviderKeySection } from "./provider-key-section";
import { SecuritySection } from "./security-section";
import { SessionsSection } from "./sessions-section";
import { SectionSkeleton, SettingsSkeleton } from "./settings-skeleton";
import { useProfile } from "./use-profile";
import { YourDataSection } from "./your-data-section";

export function SettingsView() {
  const { state, reload, updateProfile } = useProfile();

  return (
    <div className="flex min-w-0 flex-col gap-6" data-testid="settings-view">
      {state.status === "loading" ? <SettingsSkeleton /> : null}
      {state.status === "error" ? (
        <LoadError
          title="We couldn't load your settings"
          message={state.error.message}
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
          <ApiKeysSection />
        </>
      ) : null}
      {state.status === "loading" ? <SectionSkeleton rows={2} /> : null}
      {state.status === "ready" ? <EmailSection user={state.data.user} /> : null}
      {state.status === "ready" ? <SecuritySection /> : null}
      {state.status === "ready" ? <SessionsSection /> : null}
      <AccountSection email={state.status === "ready" ? state.data.user.email : null} />
      <YourDataSection email={state.status === "ready" ? state.data.user.email : null} />
    </div>
  );
}
