import { LogOut } from "lucide-react";
import { LogOutButton } from "@/components/shell/log-out-button";
import { SettingsSection } from "./settings-section";

export function AccountSection({ email }: { email: string | null }) {
  return (
    <SettingsSection
      id="account"
      icon={LogOut}
      title="Account"
      description={
        email ? (
          <>
            Signed in as{" "}
            <span className="text-ink font-semibold [overflow-wrap:anywhere]">{email}</span>.
          </>
        ) : (
          "Your session on this device."
        )
      }
      testId="settings-account"
    >
      {/* One "Log out" per screen: the sidebar carries it from lg up, this button below lg. */}
      <div className="flex flex-col gap-3 sm:flex-row sm:items-center sm:justify-between">
        <p className="text-ink-muted text-sm">
          Logging out ends your session on this device. You can log back in at any time.
        </p>
        <LogOutButton variant="danger" className="lg:hidden" data-testid="settings-logout" />
        <p className="text-ink hidden text-sm font-medium lg:block">
          Log out from the bottom of the sidebar.
        </p>
      </div>
    </SettingsSection>
  );
}
