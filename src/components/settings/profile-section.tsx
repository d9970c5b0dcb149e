"use client";

import { UserRound } from "lucide-react";
import { useFormatter, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { UserAvatar } from "@/components/shell/user-avatar";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { toast } from "@/components/ui/toast-store";
import { useApiMutation } from "@/lib/api/hooks";
import { apiFetch } from "@/lib/api/request";
import { useErrorMessage } from "@/lib/i18n/use-error-message";
import type { Profile, Quota, User } from "@/shared/api-types";
import { checkText, TEXT_RULES } from "@/shared/limits";
import { SettingsSection } from "./settings-section";

function readUser(data: unknown, fallback: User): User {
  if (typeof data === "object" && data !== null) {
    if ("user" in data && typeof data.user === "object" && data.user !== null)
      return { ...fallback, ...(data.user as Partial<User>) };
    if ("id" in data && "email" in data) return { ...fallback, ...(data as Partial<User>) };
  }
  return fallback;
}

function QuotaMeter({ quota }: { quota: Quota }) {
  const t = useTranslations("settings.profile");
  if (quota.dailyLimit === null) {
    return (
      <p className="text-ink text-sm font-semibold">
        {t("quotaUnlimited", { used: quota.usedToday })}
      </p>
    );
  }
  const percent =
    quota.dailyLimit > 0
      ? Math.min(100, Math.round((quota.usedToday / quota.dailyLimit) * 100))
      : 0;
  return (
    <div className="flex flex-col gap-2">
      <p className="text-ink text-sm font-semibold tabular-nums">
        {t("quotaUsed", { used: quota.usedToday, limit: quota.dailyLimit })}
      </p>
      <div
        role="meter"
        aria-label={t("quotaMeter")}
        aria-valuemin={0}
        aria-valuemax={quota.dailyLimit}
        aria-valuenow={quota.usedToday}
        className="bg-surface-sunken h-1.5 overflow-hidden rounded-full"
      >
        <div className="bg-prism h-full rounded-full" style={{ width: `${percent}%` }} />
      </div>
    </div>
  );
}

interface ProfileSectionProps {
  profile: Profile;
  onUserChange: (user: User) => void;
}

export function ProfileSection({ profile, onUserChange }: ProfileSectionProps) {
  const t = useTranslations("settings.profile");
  const format = useFormatter();
  const errorText = useErrorMessage();
  const router = useRouter();
  const { user, quota } = profile;
  const [name, setName] = useState(user.name);
  const [error, setError] = useState<string | null>(null);
  const rename = useApiMutation({
    mutationFn: (patch: { name: string }) =>
      apiFetch<unknown>("/api/v1/auth/profile", { method: "PATCH", json: patch }),
    errorToast: false,
    onMutate: () => setError(null),
    onSuccess: (data, patch) => {
      const updated = readUser(data, { ...user, name: patch.name });
      onUserChange(updated);
      setName(updated.name);
      toast({ variant: "success", title: t("nameUpdated") });
      router.refresh();
    },
    onError: (caught) => setError(caught.fieldErrors().name ?? errorText(caught)),
  });
  const saving = rename.isPending;
  const unchanged = name.trim() === user.name;

  function saveName(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const checked = checkText(TEXT_RULES.name, name);
    if (!checked.ok) {
      setError(checked.error);
      return;
    }
    const patch = { name: checked.value };
    if (patch.name === user.name || saving) return;
    rename.mutate(patch);
  }

  return (
    <SettingsSection
      id="profile"
      icon={UserRound}
      title={t("title")}
      description={t("description")}
      testId="settings-profile"
    >
      <div className="flex flex-col gap-6">
        <div className="flex items-center gap-4">
          <UserAvatar name={user.name} email={user.email} size="lg" />
          <div className="flex min-w-0 flex-col gap-1.5">
            <p className="font-display text-ink truncate text-lg font-semibold">{user.name}</p>
            <div className="flex flex-wrap gap-1.5">
              <Badge
                variant={user.tier === "supporter" ? "prism" : "primary"}
                data-testid="profile-tier"
              >
                {user.tier === "supporter" ? t("supporter") : t("freePlan")}
              </Badge>
              <Badge
                variant={user.role === "admin" ? "warning" : "neutral"}
                data-testid="profile-role"
              >
                {user.role === "admin" ? t("admin") : t("member")}
              </Badge>
            </div>
          </div>
        </div>

        <dl className="grid grid-cols-1 gap-3 min-[440px]:grid-cols-2">
          <div className="border-line bg-surface-raised/60 rounded-2xl border p-4">
            <dt className="text-ink-subtle text-xs font-semibold tracking-wide uppercase">
              {t("memberSince")}
            </dt>
            <dd className="text-ink mt-1 text-sm font-semibold" data-testid="profile-member-since">
              {format.dateTime(new Date(user.createdAt), { dateStyle: "long" })}
            </dd>
          </div>
          <div className="border-line bg-surface-raised/60 rounded-2xl border p-4">
            <dt className="text-ink-subtle text-xs font-semibold tracking-wide uppercase">
              {t("dailyImages")}
            </dt>
            <dd className="mt-1">
              <QuotaMeter quota={quota} />
            </dd>
          </div>
        </dl>

        <form
          method="post"
          onSubmit={saveName}
          noValidate
          className="flex flex-col gap-4"
          data-testid="profile-form"
        >
          <div className="flex flex-col gap-3 sm:flex-row sm:items-start">
            <FormField label={t("name")} error={error} className="flex-1">
              <Input
                name="name"
                value={name}
                maxLength={80}
                autoComplete="name"
                onChange={(event) => {
                  setName(event.target.value);
                  setError(null);
                }}
              />
            </FormField>
            <Button
              type="submit"
              loading={saving}
              disabled={unchanged}
              className="sm:mt-7"
              data-testid="profile-save"
            >
              {t("saveName")}
            </Button>
          </div>
          <FormField label={t("email")} hint={t("emailHint")}>
            <Input
              name="email"
              type="email"
              autoComplete="email"
              value={user.email}
              readOnly
              aria-readonly="true"
              data-testid="profile-email"
            />
          </FormField>
        </form>
      </div>
    </SettingsSection>
  );
}
