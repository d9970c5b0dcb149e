import { useTranslations } from "next-intl";

const SECTIONS = [
  { id: "profile", label: "profile" },
  { id: "preferences", label: "preferences" },
  { id: "appearance", label: "appearance" },
  { id: "offline", label: "offline" },
  { id: "gemini-key", label: "geminiKey" },
  { id: "image-providers", label: "imageProviders" },
  { id: "api-keys", label: "apiKeys" },
  { id: "email", label: "email" },
  { id: "security", label: "security" },
  { id: "sessions", label: "sessions" },
  { id: "notifications", label: "notifications" },
  { id: "retention", label: "retention" },
  { id: "account", label: "account" },
  { id: "your-data", label: "yourData" },
] as const;

/** In-page links to each settings section; shown beside the sections on wide screens. */
export function SettingsNav() {
  const t = useTranslations("settings.nav");
  return (
    <nav aria-label={t("label")} className="hidden xl:block">
      <ul className="border-line sticky top-12 flex flex-col gap-1 border-l">
        {SECTIONS.map((section) => (
          <li key={section.id}>
            <a
              href={`#${section.id}`}
              className="text-ink-muted hover:border-line-strong hover:text-ink -ml-px block border-l-2 border-transparent py-1.5 pl-4 text-sm transition-colors"
            >
              {t(section.label)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
