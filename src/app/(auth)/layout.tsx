import type { ReactNode } from "react";
import { AuthFrame } from "@/components/auth/auth-frame";
import { IntlMessages } from "@/components/i18n/intl-messages";

export default function AuthLayout({ children }: { children: ReactNode }) {
  return (
    <IntlMessages namespaces={["auth"]}>
      <AuthFrame>{children}</AuthFrame>
    </IntlMessages>
  );
}
