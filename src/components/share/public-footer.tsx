import Link from "next/link";

export function PublicFooter({ signedIn }: { signedIn: boolean }) {
  const links = [
    { href: "/explore", label: "Explore" },
    signedIn
      ? { href: "/generate", label: "Open the studio" }
      : { href: "/register", label: "Make your own" },
    { href: "/", label: "About" },
  ];
  return (
    <footer className="border-line border-t">
      <div className="text-ink-subtle mx-auto flex max-w-6xl flex-col items-center justify-between gap-4 px-4 py-8 text-sm sm:flex-row sm:px-6">
        <p className="text-center sm:text-left">
          AI Image Studio · open source under the MIT licence
        </p>
        <nav aria-label="Footer">
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
      </div>
    </footer>
  );
}
