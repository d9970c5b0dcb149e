"use client";

import { useQueryClient } from "@tanstack/react-query";
import { SlidersHorizontal } from "lucide-react";
import { useState, type ReactNode } from "react";
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

const QUALITY_LABELS: Record<Quality, string> = { standard: "Standard", high: "High" };
const ASPECT_LABELS: Record<AspectRatio, string> = {
  "1:1": "1:1 · Square",
  "16:9": "16:9 · Widescreen",
  "9:16": "9:16 · Story",
  "4:3": "4:3 · Landscape",
  "3:4": "3:4 · Portrait",
};

const SWITCHES: readonly {
  key: "autoSaveGallery" | "enableOfflineCache" | "emailNotifications";
  label: string;
  description: string;
}[] = [
  {
    key: "autoSaveGallery",
    label: "Save new images to my gallery",
    description: "Every image you generate is kept in your private gallery automatically.",
  },
  {
    key: "enableOfflineCache",
    label: "Keep my gallery available offline",
    description:
      "Images you view are cached on this device so the gallery opens without a connection.",
  },
  {
    key: "emailNotifications",
    label: "Email notifications",
    description:
      "A mail when images you queued offline, or left generating in a closed tab, are ready: at most one an hour, listing them all. Mail about your account itself (such as a password reset you ask for) always comes.",
  },
];

function describeChange<K extends SettingKey>(key: K, value: Settings[K]): string {
  switch (key) {
    case "defaultQuality":
      return `Default quality: ${QUALITY_LABELS[value as Quality]}.`;
    case "defaultAspectRatio":
      return `Default aspect ratio: ${ASPECT_LABELS[value as AspectRatio]}.`;
    case "defaultCount":
      return `Images per prompt: ${countLabel(value as number)}.`;
    default: {
      const label = SWITCHES.find((item) => item.key === key)?.label ?? "Setting";
      return `${label}: ${value ? "on" : "off"}.`;
    }
  }
}

function countLabel(count: number): string {
  return count === 1 ? "1 image" : `${count} images`;
}

function SavingIndicator({ active }: { active: boolean }) {
  return active ? <Spinner label="Saving" className="text-primary" /> : null;
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
        title: "Preferences saved",
        description: describeChange(key, value as never),
      });
    },
    onError: (_error, { key, previous }) =>
      setValues((current) => ({ ...current, [key]: previous })),
    onSettled: (_data, _error, { key }) => setSaving((current) => ({ ...current, [key]: false })),
    errorToast: "Couldn't save that change",
  });

  function save<K extends SettingKey>(key: K, value: Settings[K]) {
    const previous = values[key];
    if (previous === value) return;
    if (!isAllowedSetting(key, value)) {
      toast({ variant: "error", title: "That value isn't allowed" });
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
      title="Preferences"
      description="Defaults for new images and how the studio behaves. Changes save as you make them."
      testId="settings-preferences"
    >
      {/* A form so that the switches render named inputs too; every control saves on its own. */}
      <form
        className="divide-line flex flex-col divide-y"
        onSubmit={(event) => event.preventDefault()}
      >
        <SettingRow
          label={
            <SettingLabel htmlFor="setting-defaultQuality" saving={Boolean(saving.defaultQuality)}>
              Default quality
            </SettingLabel>
          }
          description="High takes longer and uses larger files."
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
                label: QUALITY_LABELS[quality],
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
              Default aspect ratio
            </SettingLabel>
          }
          description="The shape new images start with; you can change it per image."
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
                label: ASPECT_LABELS[ratio],
              }))}
              className="w-full min-[440px]:w-52"
              data-testid="setting-defaultAspectRatio"
            />
          }
        />
        <SettingRow
          label={
            <SettingLabel htmlFor="setting-defaultCount" saving={Boolean(saving.defaultCount)}>
              Images per prompt
            </SettingLabel>
          }
          description="How many images Generate makes at once. Each image uses one of your daily images; any that fail are given back."
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
                label: countLabel(count),
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
                  {item.label}
                </SettingLabel>
              }
              description={item.description}
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
