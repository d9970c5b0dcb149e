import type { ReactNode } from "react";
import { PublicFrame } from "@/components/share/public-frame";
import { QueryProvider } from "@/components/shell/query-provider";

export default function SharePagesLayout({ children }: { children: ReactNode }) {
  return (
    <QueryProvider>
      <PublicFrame>{children}</PublicFrame>
    </QueryProvider>
  );
}
