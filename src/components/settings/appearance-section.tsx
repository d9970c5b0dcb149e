"use client";

import { Palette } from "lucide-react";
import { ThemeSwitcher } from "@/components/theme/theme-switcher";
import { SettingsSection } from "./settings-section";

export function AppearanceSection() {
  return (
    <SettingsSection
      id="appearance"
      icon={Palette}
      title="Appearance"
      description="Light, dark, or follow your device. Saved on this browser."
      testId="settings-appearance"
    >
      <ThemeSwitcher />
    </SettingsSection>
  );
}
