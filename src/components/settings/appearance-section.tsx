"use client";

import { Palette } from "lucide-react";
import { useTranslations } from "next-intl";
import { ThemeSwitcher } from "@/components/theme/theme-switcher";
import { SettingsSection } from "./settings-section";

export function AppearanceSection() {
  const t = useTranslations("settings.appearance");
  return (
    <SettingsSection
      id="appearance"
      icon={Palette}
      title={t("title")}
      description={t("description")}
      testId="settings-appearance"
    >
      <ThemeSwitcher />
    </SettingsSection>
  );
}
