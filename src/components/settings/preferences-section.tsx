"use client";

import { useQueryClient } from "@tanstack/react-query";
import { SlidersHorizontal } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState, type ReactNode } from "react";
import { LanguageSwitcher } from "@/components/i18n/language-switcher";
import { Label } from "@/components/ui/label";
import { Select } from "@/components/ui/select";
import { Spinner } from "@/components/ui/spinner";
import { Switch } from "@/components/ui/switch";
import { toast } from "@/components/ui/toast-store";
import { useApiMutation } from "@/lib/api/hooks";
import { queryKeys } from "@/lib/api/query-keys";
import { apiFetch } from "@/lib/api/request";
import type { Profile, Settings } from "@/shared/api-types";
import {
  ASPECT_RATIOS,
  BATCH_COUNTS,
  isAspectRatio,
  isBatchCount,
  isQuality,
  QUALITIES,
  type AspectRatio,
  type Quality,
} from "@/shared/limits";
import { SettingRow, SettingsSection } from "./settings-section";

type SettingKey = keyof Settings;

type Translate = ReturnType<typeof useTranslations<"settings.preferences">>;

const QUALITY_KEYS = {
  standard: "quality.standard",
  high: "quality.high",
} as const satisfies Record<Quality, string>;
const ASPECT_KEYS = {
  "1:1": "aspect.square",
  "16:9": "aspect.widescreen",
  "9:16": "aspect.story",
  "4:3": "aspect.landscape",
  "3:4": "aspect.portrait",
} as const satisfies Record<AspectRatio, string>;

const SWITCHES = [
  {
    key: "autoSaveGallery",
    label: "autoSaveGallery",
    description: "autoSaveGalleryHint",
  },
  {
    key: "enableOfflineCache",
    label: "enableOfflineCache",
    description: "enableOfflineCacheHint",
  },
  {
    key: "emailNotifications",
    label: "emailNotifications",
    description: "emailNotificationsHint",
  },
] as const;

function describeChange<K extends SettingKey>(t: Translate, key: K, value: Settings[K]): string {
  switch (key) {
    case "defaultQuality":
      return t("changedQuality", { value: t(QUALITY_KEYS[value as Quality]) });
    case "defaultAspectRatio":
      return t("changedAspectRatio", { value: t(ASPECT_KEYS[value as AspectRatio]) });
    case "defaultCount":
      return t("changedCount", { value: t("count", { count: value as number }) });
    default: {
      const item = SWITCHES.find((candidate) => candidate.key === key);
      return item
        ? t("changedSwitch", { label: t(item.label), on: value ? "true" : "false" })
        : t("saved");
    }
  }
}

function SavingIndicator({ active }: { active: boolean }) {
  const t = useTranslations("settings.view");
  return active ? <Spinner label={t("saving")} className="text-primary" /> : null;
}

function SettingLabel({
  htmlFor,
  children,
  saving,
}: {
  htmlFor: string;
  children: ReactNode;
  saving: boolean;
}) {
  return (
    <span className="flex items-center gap-2">
      <Label htmlFor={htmlFor}>{children}</Label>
      <SavingIndicator active={saving} />
    </span>
  );
}

/** The values PATCH /settings accepts (its schema is built from the same lists). */
function isAllowedSetting(key: SettingKey, value: unknown): boolean {
  if (key === "defaultQuality") return isQuality(value);
  if (key === "defaultAspectRatio") return isAspectRatio(value);
  if (key === "defaultCount") return isBatchCount(value);
  return typeof value === "boolean";
}

interface PreferencesSectionProps {
  settings: Settings;
}

/** Each control saves on change (PATCH /api/v1/settings); a failure puts the old value back. */
interface SettingsChange {
  key: SettingKey;
  value: Settings[SettingKey];
  previous: Settings[SettingKey];
}

export function PreferencesSection({ settings }: PreferencesSectionProps) {
  const t = useTranslations("settings.preferences");
  const [values, setValues] = useState<Settings>(settings);
  const [saving, setSaving] = useState<Partial<Record<SettingKey, boolean>>>({});

  const queryClient = useQueryClient();
  const change = useApiMutation<Settings, SettingsChange>({
    mutationFn: ({ key, value }) =>
      apiFetch<Settings>("/api/v1/settings", { method: "PATCH", json: { [key]: value } }),
    onSuccess: (saved, { key, value }) => {
      // Every reader of the settings (the offline copy's switch, /generate's defaults) sees them.
      queryClient.setQueryData<Settings>(queryKeys.settings, saved);
      queryClient.setQueryData<Profile>(queryKeys.profile, (profile) =>
        profile ? { ...profile, settings: saved } : profile,
      );
      toast({
        variant: "success",
        title: t("saved"),
        description: describeChange(t, key, value as never),
      });
    },
    onError: (_error, { key, previous }) =>
      setValues((current) => ({ ...current, [key]: previous })),
    onSettled: (_data, _error, { key }) => setSaving((current) => ({ ...current, [key]: false })),
    errorToast: t("saveFailed"),
  });

  function save<K extends SettingKey>(key: K, value: Settings[K]) {
    const previous = values[key];
    if (previous === value) return;
    if (!isAllowedSetting(key, value)) {
      toast({ variant: "error", title: t("notAllowed") });
      return;
    }
    setValues((current) => ({ ...current, [key]: value }));
    setSaving((current) => ({ ...current, [key]: true }));
    change.mutate({ key, value, previous });
  }

  return (
    <SettingsSection
      id="preferences"
      icon={SlidersHorizontal}
      title={t("title")}
      description={t("description")}
      testId="settings-preferences"
    >
      {/* First, where a person looks for it: the language, saved on the account, then a reload. */}
      <div className="border-line flex flex-col gap-1 border-b pb-4" data-testid="setting-locale">
        <LanguageSwitcher signedIn className="justify-between" />
        <p className="text-ink-muted text-sm">{t("languageHint")}</p>
      </div>
      {/* A form so that the switches render named inputs too; every control saves on its own. */}
      <form
        className="divide-line flex flex-col divide-y pt-4"
        onSubmit={(event) => event.preventDefault()}
      >
        <SettingRow
          label={
            <SettingLabel htmlFor="setting-defaultQuality" saving={Boolean(saving.defaultQuality)}>
              {t("defaultQuality")}
            </SettingLabel>
          }
          description={t("defaultQualityHint")}
          descriptionId="setting-defaultQuality-description"
          control={
            <Select
              id="setting-defaultQuality"
              name="defaultQuality"
              value={values.defaultQuality}
              aria-describedby="setting-defaultQuality-description"
              onChange={(event) => save("defaultQuality", event.target.value as Quality)}
              options={QUALITIES.map((quality) => ({
                value: quality,
                label: t(QUALITY_KEYS[quality]),
              }))}
              className="w-full min-[440px]:w-52"
              data-testid="setting-defaultQuality"
            />
          }
        />
        <SettingRow
          label={
            <SettingLabel
              htmlFor="setting-defaultAspectRatio"
              saving={Boolean(saving.defaultAspectRatio)}
            >
              {t("defaultAspectRatio")}
            </SettingLabel>
          }
          description={t("defaultAspectRatioHint")}
          descriptionId="setting-defaultAspectRatio-description"
          control={
            <Select
              id="setting-defaultAspectRatio"
              name="defaultAspectRatio"
              value={values.defaultAspectRatio}
              aria-describedby="setting-defaultAspectRatio-description"
              onChange={(event) => save("defaultAspectRatio", event.target.value as AspectRatio)}
              options={ASPECT_RATIOS.map((ratio) => ({
                value: ratio,
                label: t(ASPECT_KEYS[ratio]),
              }))}
              className="w-full min-[440px]:w-52"
              data-testid="setting-defaultAspectRatio"
            />
          }
        />
        <SettingRow
          label={
            <SettingLabel htmlFor="setting-defaultCount" saving={Boolean(saving.defaultCount)}>
              {t("defaultCount")}
            </SettingLabel>
          }
          description={t("defaultCountHint")}
          descriptionId="setting-defaultCount-description"
          control={
            <Select
              id="setting-defaultCount"
              name="defaultCount"
              value={String(values.defaultCount)}
              aria-describedby="setting-defaultCount-description"
              onChange={(event) => save("defaultCount", Number(event.target.value))}
              options={BATCH_COUNTS.map((count) => ({
                value: String(count),
                label: t("count", { count }),
              }))}
              className="w-full min-[440px]:w-52"
              data-testid="setting-defaultCount"
            />
          }
        />
        {SWITCHES.map((item) => {
          const id = `setting-${item.key}`;
          return (
            <SettingRow
              key={item.key}
              label={
                <SettingLabel htmlFor={id} saving={Boolean(saving[item.key])}>
                  {t(item.label)}
                </SettingLabel>
              }
              description={t(item.description)}
              descriptionId={`${id}-description`}
              inline
              control={
                <Switch
                  id={id}
                  name={item.key}
                  checked={values[item.key]}
                  aria-describedby={`${id}-description`}
                  onCheckedChange={(checked) => save(item.key, checked)}
                  data-testid={id}
                />
              }
            />
          );
        })}
      </form>
    </SettingsSection>
  );
}
