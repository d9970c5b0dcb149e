import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { LanguageSwitcher } from "@/components/i18n/language-switcher";

export async function PublicFooter({ signedIn }: { signedIn: boolean }) {
  const t = await getTranslations("share.footer");
  const links = [
    { href: "/explore", label: t("explore") },
    signedIn
      ? { href: "/generate", label: t("openStudio") }
      : { href: "/register", label: t("makeYourOwn") },
    { href: "/", label: t("about") },
  ];
  return (
    <footer className="border-line border-t">
      <div className="text-ink-subtle mx-auto flex max-w-6xl flex-col items-center justify-between gap-4 px-4 py-8 text-sm sm:flex-row sm:px-6">
        <p className="text-center sm:text-left">{t("license")}</p>
        <nav aria-label={t("nav")}>
          <ul className="flex flex-wrap items-center justify-center gap-1">
            {links.map((link) => (
              <li key={link.href}>
                <Link
                  href={link.href}
                  className="text-ink-muted hover:text-ink inline-flex min-h-11 items-center rounded-full px-3 sm:min-h-9"
                >
                  {link.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <LanguageSwitcher signedIn={signedIn} compact />
      </div>
    </footer>
  );
}
