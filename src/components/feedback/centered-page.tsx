import Link from "next/link";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { Logo } from "@/components/brand/logo";

/**
 * A bare page frame (logo on top, content centred) for 404 and top-level errors. Rendered on the
 * server (404, offline page) and in the browser (the root error boundary): no async here.
 */
export function CenteredPage({ children }: { children: ReactNode }) {
  const t = useTranslations("shell");
  return (
    <div className="bg-canvas bg-studio-glow flex min-h-dvh flex-col">
      <header className="mx-auto flex w-full max-w-6xl items-center px-4 pt-[max(1.25rem,env(safe-area-inset-top))] sm:px-6">
        <Link href="/" className="inline-flex rounded-xl" aria-label={t("centeredHomeLink")}>
          <Logo />
        </Link>
      </header>
      <main
        id="main"
        tabIndex={-1}
        className="flex flex-1 items-center justify-center px-4 py-12 outline-none"
      >
        {children}
      </main>
    </div>
  );
}
