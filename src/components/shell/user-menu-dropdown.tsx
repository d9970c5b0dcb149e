"use client";

import { LogOut, Settings } from "lucide-react";
import Link from "next/link";
import { useEffect, useRef } from "react";
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
import { USER_MENU_TRIGGER_CLASS } from "./user-menu";
import { useLogOut } from "./use-log-out";
import { UserAvatar } from "./user-avatar";

interface UserMenuDropdownProps {
  user: User;
  /** Open at once: the trigger was pressed before this code had loaded. */
  defaultOpen: boolean;
  /** Focus the trigger on mount: it replaces a placeholder that had the focus. */
  focusTrigger: boolean;
}

/**
 * The phone's account menu: who is signed in, theme, settings and "Log out". Loaded by
 * UserMenu when someone reaches for its trigger.
 */
export function UserMenuDropdown({ user, defaultOpen, focusTrigger }: UserMenuDropdownProps) {
  const { theme, setTheme } = useTheme();
  const { logOut, logOutNow, pending, confirming, cancel } = useLogOut();
  const triggerRef = useRef<HTMLButtonElement>(null);
  // Once, on mount: the placeholder it replaces had the focus (an open menu takes it itself).
  const focusOnMount = useRef(focusTrigger && !defaultOpen);
  useEffect(() => {
    if (focusOnMount.current) triggerRef.current?.focus();
  }, []);
  return (
    <>
      <LogOutConfirm queued={confirming} onCancel={cancel} onConfirm={() => void logOutNow()} />
      <DropdownMenu defaultOpen={defaultOpen}>
        <DropdownMenuTrigger
          ref={triggerRef}
          aria-label="Account menu"
          data-testid="user-menu-trigger"
          className={USER_MENU_TRIGGER_CLASS}
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
          <DropdownMenuLabel>Theme</DropdownMenuLabel>
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
                  {option.label}
                </DropdownMenuRadioItem>
              );
            })}
          </DropdownMenuRadioGroup>
          <DropdownMenuSeparator />
          <DropdownMenuItem asChild>
            <Link href="/settings">
              <Settings aria-hidden="true" />
              Settings
            </Link>
          </DropdownMenuItem>
          <DropdownMenuItem
            tone="danger"
            disabled={pending}
            onSelect={() => void logOut()}
            data-testid="menu-logout"
          >
            <LogOut aria-hidden="true" />
            Log out
          </DropdownMenuItem>
        </DropdownMenuContent>
      </DropdownMenu>
    </>
  );
}
