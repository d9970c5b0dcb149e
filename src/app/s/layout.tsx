import type { ReactNode } from "react";
import { PublicFrame } from "@/components/share/public-frame";

export default function SharePagesLayout({ children }: { children: ReactNode }) {
  return <PublicFrame>{children}</PublicFrame>;
}
