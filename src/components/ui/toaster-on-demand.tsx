"use client";

import dynamic from "next/dynamic";
import { useToastStore } from "./toast-store";
import { useOpenedOnce } from "./use-opened-once";

const Toaster = dynamic(() => import("./toaster").then((module) => module.Toaster), {
  ssr: false,
});

/**
 * The toaster, loaded with the first toast rather than with every page: Radix's toast code is
 * not needed to paint anything. Once mounted it stays, so later toasts animate out normally.
 */
export function ToasterOnDemand() {
  const mounted = useOpenedOnce(useToastStore((state) => state.toasts.length > 0));
  return mounted ? <Toaster /> : null;
}
