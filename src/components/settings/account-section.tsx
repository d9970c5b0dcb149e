import { LogOut } from "lucide-react";
import { useTranslations } from "next-intl";
import { LogOutButton } from "@/components/shell/log-out-button";
import { SettingsSection } from "./settings-section";

export function AccountSection({ email }: { email: string | null }) {
  const t = useTranslations("settings.account");
  return (
    <SettingsSection
      id="account"
      icon={LogOut}
      title={t("title")}
      description={
        email
          ? t.rich("signedInAs", {
              email,
              address: (chunks) => (
                <span className="text-ink font-semibold [overflow-wrap:anywhere]">{chunks}</span>
              ),
            })
          : t("thisDevice")
      }
      testId="settings-account"
    >
      {/* One "Log out" per screen: the sidebar carries it from lg up, this button below lg. */}
      <div className="flex flex-col gap-3 sm:flex-row sm:items-center sm:justify-between">
        <p className="text-ink-muted text-sm">{t("loggingOut")}</p>
        <LogOutButton variant="danger" className="lg:hidden" data-testid="settings-logout" />
        <p className="text-ink hidden text-sm font-medium lg:block">{t("sidebar")}</p>
      </div>
    </SettingsSection>
  );
}
