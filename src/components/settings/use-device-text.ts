import { useTranslations } from "next-intl";
import { useCallback } from "react";

/**
 * A device as the reader's language says it. The API labels sessions and push devices in
 * English from the user agent (src/server/auth/device-label.ts: "Chrome on Linux", "Browser on
 * Linux", "Unknown device"); the names in it stay, the joining words are translated here.
 */
export function useDeviceText(): (label: string) => string {
  const t = useTranslations("settings.device");
  return useCallback(
    (label: string) => {
      if (label === "Unknown device") return t("unknown");
      const named = / on /.exec(label);
      if (!named) return label;
      const browser = label.slice(0, named.index);
      const system = label.slice(named.index + named[0].length);
      return browser === "Browser" ? t("browserOn", { system }) : t("on", { browser, system });
    },
    [t],
  );
}
