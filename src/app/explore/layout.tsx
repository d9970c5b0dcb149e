import type { ReactNode } from "react";
import { PublicFrame } from "@/components/share/public-frame";

/** Explore is open to visitors: the public header, not the signed-in shell. */
export default function ExploreLayout({ children }: { children: ReactNode }) {
  return <PublicFrame>{children}</PublicFrame>;
}
