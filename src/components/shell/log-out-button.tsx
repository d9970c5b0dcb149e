"use client";

import { LogOut } from "lucide-react";
import { useTranslations } from "next-intl";
import { Button, type ButtonProps } from "@/components/ui/button";
import { LogOutConfirm } from "./log-out-confirm";
import { useLogOut } from "./use-log-out";

/** The accessible name is exactly "Log out" in English (the end-to-end tests find it by that name). */
export function LogOutButton({
  variant = "secondary",
  ...props
}: Omit<ButtonProps, "onClick" | "children">) {
  const t = useTranslations("shell.logOut");
  const { logOut, logOutNow, pending, confirming, cancel } = useLogOut();
  return (
    <>
      <Button variant={variant} loading={pending} onClick={() => void logOut()} {...props}>
        {pending ? null : <LogOut aria-hidden="true" />}
        {t("button")}
      </Button>
      <LogOutConfirm queued={confirming} onCancel={cancel} onConfirm={() => void logOutNow()} />
    </>
  );
}
