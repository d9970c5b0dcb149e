"use client";

import { RotateCw } from "lucide-react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { AccountSection } from "./account-section";
import { ApiKeysSection } from "./api-keys-section";
import { AppearanceSection } from "./appearance-section";
import { OfflineSection } from "./offline-section";
import { PreferencesSection } from "./preferences-section";
import { ProfileSection } from "./profile-section";
import { ProviderKeySection } from "./provider-key-section";
import { SectionSkeleton, SettingsSkeleton } from "./settings-skeleton";
import { useProfile } from "./use-profile";

export function SettingsView() {
  const { state, reload, updateProfile } = useProfile();

  return (
    <div className="flex min-w-0 flex-col gap-6" data-testid="settings-view">
      {state.status === "loading" ? <SettingsSkeleton /> : null}
      {state.status === "error" ? (
        <div
          className="rounded-card border-line bg-surface shadow-card flex flex-col gap-4 border p-5 sm:p-6"
          data-testid="settings-error"
        >
          <Alert variant="danger" role="alert" title="We couldn't load your settings">
            {state.error.message}
          </Alert>
          <div>
            <Button variant="secondary" onClick={reload} data-testid="settings-retry">
              <RotateCw aria-hidden="true" />
              Try again
            </Button>
          </div>
        </div>
      ) : null}
      {state.status === "ready" ? (
        <>
          <ProfileSection
            profile={state.profile}
            onUserChange={(user) => updateProfile((profile) => ({ ...profile, user }))}
          />
          <PreferencesSection settings={state.profile.settings} />
        </>
      ) : null}
      <AppearanceSection />
      <OfflineSection />
      {state.status === "ready" ? (
        <>
          <ProviderKeySection providerKey={state.profile.providerKey} />
          <ApiKeysSection />
        </>
      ) : null}
      {state.status === "loading" ? <SectionSkeleton rows={2} /> : null}
      <AccountSection email={state.status === "ready" ? state.profile.user.email : null} />
    </div>
  );
}
