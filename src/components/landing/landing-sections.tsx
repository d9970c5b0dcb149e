import {
  ArrowRight,
  CloudOff,
  Code,
  Database,
  Gift,
  Images,
  KeyRound,
  Share2,
  WandSparkles,
} from "lucide-react";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { LanguageSwitcher } from "@/components/i18n/language-switcher";
import { Button } from "@/components/ui/button";
import { HeroArt } from "./hero-art";

interface CtaProps {
  signedIn: boolean;
}

async function PrimaryCtas({ signedIn }: CtaProps) {
  const t = await getTranslations("landing");
  if (signedIn) {
    return (
      <Button asChild size="lg" data-testid="landing-cta-primary">
        <Link href="/generate">
          {t("header.openStudio")}
          <ArrowRight aria-hidden="true" />
        </Link>
      </Button>
    );
  }
  return (
    <>
      <Button asChild size="lg" data-testid="landing-cta-primary">
        <Link href="/register">
          {t("hero.getStartedFree")}
          <ArrowRight aria-hidden="true" />
        </Link>
      </Button>
      <Button asChild size="lg" variant="secondary" data-testid="landing-cta-login">
        <Link href="/login">{t("header.logIn")}</Link>
      </Button>
    </>
  );
}

export async function Hero({ signedIn }: CtaProps) {
  const t = await getTranslations("landing.hero");
  return (
    <section className="mx-auto grid max-w-6xl items-center gap-14 px-4 pt-10 pb-20 sm:px-6 sm:pt-16 lg:grid-cols-[1.05fr_1fr] lg:gap-12 lg:pt-20 lg:pb-28">
      <div className="flex flex-col items-start gap-6">
        <p className="border-line bg-surface text-ink-muted inline-flex items-center gap-2 rounded-full border px-3 py-1 text-xs font-semibold shadow-xs">
          <span className="bg-success size-1.5 rounded-full" aria-hidden="true" />
          {t("badge")}
        </p>
        <h1 className="font-display text-ink text-[2.5rem] leading-[1.05] font-extrabold tracking-tight sm:text-6xl lg:text-[3.5rem]">
          {t("title")}{" "}
          <span className="text-prism block sm:whitespace-nowrap">{t("titleAccent")}</span>
        </h1>
        <p className="text-ink-muted max-w-xl text-lg">{t("lead")}</p>
        <div className="flex w-full flex-col gap-3 sm:w-auto sm:flex-row">
          <PrimaryCtas signedIn={signedIn} />
        </div>
        <p className="text-ink-subtle text-sm">
          {t.rich("cost", {
            link: (chunks) => (
              <a href="#free" className="text-ink-muted underline underline-offset-4">
                {chunks}
              </a>
            ),
          })}
        </p>
      </div>
      <HeroArt />
    </section>
  );
}

const FEATURES = [
  { icon: WandSparkles, title: "generate.title", text: "generate.text" },
  { icon: Images, title: "gallery.title", text: "gallery.text" },
  { icon: CloudOff, title: "offline.title", text: "offline.text" },
  { icon: Share2, title: "share.title", text: "share.text" },
] as const;

export async function Features() {
  const t = await getTranslations("landing.features");
  return (
    <section
      id="features"
      aria-labelledby="features-title"
      className="border-line bg-surface/60 scroll-mt-20 border-y"
    >
      <div className="mx-auto max-w-6xl px-4 py-20 sm:px-6 lg:py-24">
        <div className="flex max-w-2xl flex-col gap-3">
          <p className="text-primary text-xs font-semibold tracking-[0.16em] uppercase">
            {t("eyebrow")}
          </p>
          <h2
            id="features-title"
            className="font-display text-ink text-3xl font-bold tracking-tight sm:text-4xl"
          >
            {t("title")}
          </h2>
        </div>
        <ul className="mt-12 grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
          {FEATURES.map((feature) => {
            const Icon = feature.icon;
            return (
              <li
                key={feature.title}
                className="rounded-card border-line bg-surface shadow-card flex flex-col gap-3 border p-6"
              >
                <span className="bg-primary-soft text-primary-soft-ink flex size-11 items-center justify-center rounded-2xl">
                  <Icon aria-hidden="true" className="size-5" />
                </span>
                <h3 className="font-display text-ink text-lg font-semibold tracking-tight">
                  {t(feature.title)}
                </h3>
                <p className="text-ink-muted text-sm leading-relaxed">{t(feature.text)}</p>
              </li>
            );
          })}
        </ul>
      </div>
    </section>
  );
}

const FREE_REASONS = [
  { icon: Gift, title: "cloudflare.title", text: "cloudflare.text" },
  { icon: KeyRound, title: "gemini.title", text: "gemini.text" },
  { icon: Database, title: "hosting.title", text: "hosting.text" },
  { icon: Code, title: "openSource.title", text: "openSource.text" },
] as const;

export async function FreeByDesign() {
  const t = await getTranslations("landing.free");
  return (
    <section id="free" aria-labelledby="free-title" className="scroll-mt-20">
      <div className="mx-auto grid max-w-6xl gap-12 px-4 py-20 sm:px-6 lg:grid-cols-[0.9fr_1.1fr] lg:py-24">
        <div className="flex flex-col gap-4">
          <p className="text-primary text-xs font-semibold tracking-[0.16em] uppercase">
            {t("eyebrow")}
          </p>
          <h2
            id="free-title"
            className="font-display text-ink text-3xl font-bold tracking-tight sm:text-4xl"
          >
            {t("title")}
          </h2>
          <p className="text-ink-muted">{t("lead")}</p>
        </div>
        <ol className="flex flex-col gap-4">
          {FREE_REASONS.map((reason, index) => {
            const Icon = reason.icon;
            return (
              <li
                key={reason.title}
                className="rounded-card border-line bg-surface shadow-card flex gap-4 border p-5 sm:p-6"
              >
                <span className="bg-prism flex size-11 shrink-0 items-center justify-center rounded-2xl text-white">
                  <Icon aria-hidden="true" className="size-5" />
                </span>
                <div className="flex flex-col gap-1">
                  <h3 className="font-display text-ink text-lg font-semibold tracking-tight">
                    <span className="text-ink-subtle mr-2 tabular-nums">0{index + 1}</span>
                    {t(reason.title)}
                  </h3>
                  <p className="text-ink-muted text-sm leading-relaxed">{t(reason.text)}</p>
                </div>
              </li>
            );
          })}
        </ol>
      </div>
    </section>
  );
}

export async function ClosingCta({ signedIn }: CtaProps) {
  const t = await getTranslations("landing");
  return (
    <section aria-labelledby="cta-title" className="px-4 pb-20 sm:px-6">
      <div className="relative mx-auto max-w-6xl overflow-hidden rounded-[2rem] bg-[#140f26] px-6 py-14 text-center ring-1 ring-white/10 sm:px-12 sm:py-20">
        <div
          aria-hidden="true"
          className="absolute -top-24 left-1/4 size-80 rounded-full bg-[#6b3cf0] opacity-50 blur-[100px]"
        />
        <div
          aria-hidden="true"
          className="absolute -right-10 -bottom-32 size-80 rounded-full bg-[#f0506e] opacity-40 blur-[100px]"
        />
        <div className="relative mx-auto flex max-w-xl flex-col items-center gap-5">
          <h2
            id="cta-title"
            className="font-display text-3xl font-bold tracking-tight text-white sm:text-4xl"
          >
            {signedIn ? t("cta.titleSignedIn") : t("cta.titleSignedOut")}
          </h2>
          <p className="text-white/75">
            {signedIn ? t("cta.textSignedIn") : t("cta.textSignedOut")}
          </p>
          <div className="flex w-full flex-col justify-center gap-3 sm:w-auto sm:flex-row">
            {signedIn ? (
              <Button asChild size="lg" variant="inverse">
                <Link href="/generate">
                  {t("header.openStudio")}
                  <ArrowRight aria-hidden="true" />
                </Link>
              </Button>
            ) : (
              <>
                <Button asChild size="lg" variant="inverse">
                  <Link href="/register">{t("header.getStarted")}</Link>
                </Button>
                <Button asChild size="lg" variant="inverse-ghost">
                  <Link href="/login">{t("header.logIn")}</Link>
                </Button>
              </>
            )}
          </div>
        </div>
      </div>
    </section>
  );
}

export async function LandingFooter({ signedIn }: CtaProps) {
  const t = await getTranslations("landing.footer");
  return (
    <footer className="border-line border-t">
      <div className="text-ink-subtle mx-auto flex max-w-6xl flex-col items-center justify-between gap-3 px-4 py-8 text-sm sm:flex-row sm:px-6">
        <p>{t("license")}</p>
        <p>{t("providers")}</p>
        <LanguageSwitcher signedIn={signedIn} compact />
      </div>
    </footer>
  );
}
