"use client";

import { LogOut, Settings, ShieldCheck } from "lucide-react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuRadioGroup,
  DropdownMenuRadioItem,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { THEME_OPTIONS } from "@/components/theme/theme-options";
import { useTheme } from "@/components/theme/use-theme";
import { parseTheme } from "@/lib/theme";
import type { User } from "@/shared/api-types";
import { LogOutConfirm } from "./log-out-confirm";
import { useLogOut } from "./use-log-out";
import { UserAvatar } from "./user-avatar";

/** The phone's account menu: who is signed in, theme, settings and "Log out". */
export function UserMenu({ user }: { user: User }) {
  const t = useTranslations("shell");
  const { theme, setTheme } = useTheme();
  const { logOut, logOutNow, pending, confirming, cancel } = useLogOut();
  return (
    <>
      <LogOutConfirm queued={confirming} onCancel={cancel} onConfirm={() => void logOutNow()} />
      <DropdownMenu>
        <DropdownMenuTrigger
          aria-label={t("userMenu.trigger")}
          data-testid="user-menu-trigger"
          className="hover:bg-surface-raised inline-flex size-11 items-center justify-center rounded-full"
        >
          <UserAvatar name={user.name} email={user.email} />
        </DropdownMenuTrigger>
        <DropdownMenuContent align="end" className="w-72" data-testid="user-menu">
          <div className="flex items-center gap-3 px-3 py-2.5">
            <UserAvatar name={user.name} email={user.email} size="md" />
            <div className="min-w-0">
              <p className="text-ink truncate text-sm font-semibold">{user.name}</p>
              <p className="text-ink-muted truncate text-xs">{user.email}</p>
            </div>
          </div>
          <DropdownMenuSeparator />
          <DropdownMenuLabel>{t("theme.label")}</DropdownMenuLabel>
          <DropdownMenuRadioGroup
            value={theme}
            onValueChange={(value) => setTheme(parseTheme(value))}
          >
            {THEME_OPTIONS.map((option) => {
              const Icon = option.icon;
              return (
                <DropdownMenuRadioItem
                  key={option.value}
                  value={option.value}
                  onSelect={(event) => event.preventDefault()}
                >
                  <Icon aria-hidden="true" />
                  {t(`theme.${option.value}`)}
                </DropdownMenuRadioItem>
              );
            })}
          </DropdownMenuRadioGroup>
          <DropdownMenuSeparator />
          <DropdownMenuItem asChild>
            <Link href="/settings">
              <Settings aria-hidden="true" />
              {t("userMenu.settings")}
            </Link>
          </DropdownMenuItem>
          {user.role === "admin" ? (
            <DropdownMenuItem asChild>
              <Link href="/admin" data-testid="menu-admin">
                <ShieldCheck aria-hidden="true" />
                {t("admin")}
              </Link>
            </DropdownMenuItem>
          ) : null}
          <DropdownMenuItem
            tone="danger"
            disabled={pending}
            onSelect={() => void logOut()}
            data-testid="menu-logout"
          >
            <LogOut aria-hidden="true" />
            {t("logOut.button")}
          </DropdownMenuItem>
        </DropdownMenuContent>
      </DropdownMenu>
    </>
  );
}
