"use client";

import { useCallback, useRef, useState } from "react";
import type { User } from "@/shared/api-types";
import type { UserMenuDropdown } from "./user-menu-dropdown";
import { UserAvatar } from "./user-avatar";

export const USER_MENU_TRIGGER_CLASS =
  "hover:bg-surface-raised inline-flex size-11 items-center justify-center rounded-full";

const loadDropdown = () => import("./user-menu-dropdown").then((module) => module.UserMenuDropdown);

/**
 * The phone's account menu. The menu's code (Radix's dropdown and its positioning) is not
 * needed to paint the page: until someone points at, focuses or presses the trigger, it is a
 * plain button that looks the same; then the real menu replaces it, open at once if it was
 * pressed, with the focus where it was.
 */
export function UserMenu({ user }: { user: User }) {
  const [loaded, setLoaded] = useState<{
    Dropdown: typeof UserMenuDropdown;
    hadFocus: boolean;
  } | null>(null);
  const [openOnLoad, setOpenOnLoad] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const loading = useRef(false);

  const load = useCallback(() => {
    if (loading.current) return;
    loading.current = true;
    loadDropdown().then(
      (Dropdown) => setLoaded({ Dropdown, hadFocus: document.activeElement === buttonRef.current }),
      () => {
        // Offline with the chunk not cached: the next press tries again.
        loading.current = false;
      },
    );
  }, []);

  if (loaded) {
    const { Dropdown, hadFocus } = loaded;
    return <Dropdown user={user} defaultOpen={openOnLoad} focusTrigger={hadFocus} />;
  }
  const open = () => {
    setOpenOnLoad(true);
    load();
  };
  return (
    <button
      ref={buttonRef}
      type="button"
      aria-label="Account menu"
      aria-haspopup="menu"
      aria-expanded={false}
      data-testid="user-menu-trigger"
      className={USER_MENU_TRIGGER_CLASS}
      // Not on touch: the swap could land between the finger's down and up and eat the tap.
      onPointerEnter={(event) => {
        if (event.pointerType === "mouse") load();
      }}
      onFocus={load}
      // From the press, not the click: the menu may replace this button before the release.
      onPointerDown={(event) => {
        if (event.button === 0) open();
      }}
      onClick={open}
      onKeyDown={(event) => {
        if (event.key === "ArrowDown") {
          event.preventDefault();
          open();
        }
      }}
    >
      <UserAvatar name={user.name} email={user.email} />
    </button>
  );
}
