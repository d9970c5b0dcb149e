const SECTIONS = [
  { id: "profile", label: "Profile" },
  { id: "preferences", label: "Preferences" },
  { id: "appearance", label: "Appearance" },
  { id: "offline", label: "On this device" },
  { id: "gemini-key", label: "Gemini API key" },
  { id: "image-providers", label: "Image providers" },
  { id: "api-keys", label: "API keys" },
  { id: "email", label: "Email" },
  { id: "security", label: "Password" },
  { id: "sessions", label: "Sessions" },
  { id: "notifications", label: "Notifications" },
  { id: "retention", label: "Image retention" },
  { id: "account", label: "Account" },
  { id: "your-data", label: "Your data" },
] as const;

/** In-page links to each settings section; shown beside the sections on wide screens. */
export function SettingsNav() {
  return (
    <nav aria-label="Settings sections" className="hidden xl:block">
      <ul className="border-line sticky top-12 flex flex-col gap-1 border-l">
        {SECTIONS.map((section) => (
          <li key={section.id}>
            <a
              href={`#${section.id}`}
              className="text-ink-muted hover:border-line-strong hover:text-ink -ml-px block border-l-2 border-transparent py-1.5 pl-4 text-sm transition-colors"
            >
              {section.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
