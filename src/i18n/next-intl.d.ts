import type { Messages } from "./catalogues";
import type { Locale } from "./locales";

// Every t("…") key and every locale is checked by the compiler against the English catalogue.
declare module "next-intl" {
  interface AppConfig {
    Locale: Locale;
    Messages: Messages;
  }
}
