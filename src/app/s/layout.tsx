import type { ReactNode } from "react";
import { IntlMessages } from "@/components/i18n/intl-messages";
import { PublicFrame } from "@/components/share/public-frame";
import { QueryProvider } from "@/components/shell/query-provider";

export default function SharePagesLayout({ children }: { children: ReactNode }) {
  return (
    <QueryProvider>
      <IntlMessages namespaces={["share"]}>
        <PublicFrame>{children}</PublicFrame>
      </IntlMessages>
    </QueryProvider>
  );
}
