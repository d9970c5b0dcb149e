"use client";

import dynamic from "next/dynamic";
import { useOpenedOnce } from "@/components/ui/use-opened-once";

const LogOutConfirmDialog = dynamic(
  () => import("./log-out-confirm-dialog").then((module) => module.LogOutConfirmDialog),
  { ssr: false },
);

interface LogOutConfirmProps {
  /** Queued prompts that logging out would discard; null closes the dialog. */
  queued: number | null;
  onCancel: () => void;
  onConfirm: () => void;
}

/**
 * The "discard queued prompts?" dialog, loaded the first time a logout needs it: it is on every
 * signed-in page and almost never shown.
 */
export function LogOutConfirm(props: LogOutConfirmProps) {
  return useOpenedOnce(props.queued !== null) ? <LogOutConfirmDialog {...props} /> : null;
}
