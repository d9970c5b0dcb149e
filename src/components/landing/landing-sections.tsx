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
import { Button } from "@/components/ui/button";
import { HeroArt } from "./hero-art";

interface CtaProps {
  signedIn: boolean;
}

function PrimaryCtas({ signedIn }: CtaProps) {
  if (signedIn) {
    return (
      <Button asChild size="lg" data-testid="landing-cta-primary">
        <Link href="/generate">
          Open the studio
          <ArrowRight aria-hidden="true" />
        </Link>
      </Button>
    );
  }
  return (
    <>
      <Button asChild size="lg" data-testid="landing-cta-primary">
        <Link href="/register">
          Get started — it&apos;s free
          <ArrowRight aria-hidden="true" />
        </Link>
      </Button>
      <Button asChild size="lg" variant="secondary" data-testid="landing-cta-login">
        <Link href="/login">Log in</Link>
      </Button>
    </>
  );
}

export function Hero({ signedIn }: CtaProps) {
  return (
    <section className="mx-auto grid max-w-6xl items-center gap-14 px-4 pt-10 pb-20 sm:px-6 sm:pt-16 lg:grid-cols-[1.05fr_1fr] lg:gap-12 lg:pt-20 lg:pb-28">
      <div className="flex flex-col items-start gap-6">
        <p className="border-line bg-surface text-ink-muted inline-flex items-center gap-2 rounded-full border px-3 py-1 text-xs font-semibold shadow-xs">
          <span className="bg-success size-1.5 rounded-full" aria-hidden="true" />
          Open source · Gemini or Cloudflare Workers AI
        </p>
        <h1 className="font-display text-ink text-[2.5rem] leading-[1.05] font-extrabold tracking-tight sm:text-6xl lg:text-[3.5rem]">
          Turn words into images.{" "}
          <span className="text-prism block sm:whitespace-nowrap">On your own key.</span>
        </h1>
        <p className="text-ink-muted max-w-xl text-lg">
          AI Image Studio is a calm place to generate images with Gemini or Cloudflare&apos;s
          FLUX.1, keep them in a gallery you can search, and open it anywhere — even offline, as an
          installed app.
        </p>
        <div className="flex w-full flex-col gap-3 sm:w-auto sm:flex-row">
          <PrimaryCtas signedIn={signedIn} />
        </div>
        <p className="text-ink-subtle text-sm">
          The studio costs nothing and needs no card. Images are free on a Cloudflare account&apos;s
          daily allocation; Gemini images need billing on your Google key.{" "}
          <a href="#free" className="text-ink-muted underline underline-offset-4">
            How the cost works
          </a>
          . Your images stay private until you share them.
        </p>
      </div>
      <HeroArt />
    </section>
  );
}

const FEATURES = [
  {
    icon: WandSparkles,
    title: "Generate with Gemini or FLUX.1",
    text: "Write a prompt, pick a style and an aspect ratio, and watch each stage of the render. Uses your own Gemini key or Cloudflare account, with a fallback when one is out of quota.",
  },
  {
    icon: Images,
    title: "A gallery that stays tidy",
    text: "Every image lands in your private gallery with collections, tags, favourites and search by prompt.",
  },
  {
    icon: CloudOff,
    title: "Works offline",
    text: "Install it on your phone or desktop. Your gallery opens without a connection, and prompts wait until you're back.",
  },
  {
    icon: Share2,
    title: "Share what you choose",
    text: "Everything is private by default. Publish the images you're proud of to the public gallery, one by one.",
  },
] as const;

export function Features() {
  return (
    <section
      id="features"
      aria-labelledby="features-title"
      className="border-line bg-surface/60 scroll-mt-20 border-y"
    >
      <div className="mx-auto max-w-6xl px-4 py-20 sm:px-6 lg:py-24">
        <div className="flex max-w-2xl flex-col gap-3">
          <p className="text-primary text-xs font-semibold tracking-[0.16em] uppercase">
            What it does
          </p>
          <h2
            id="features-title"
            className="font-display text-ink text-3xl font-bold tracking-tight sm:text-4xl"
          >
            A whole studio, in a tab or on your home screen
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
                  {feature.title}
                </h3>
                <p className="text-ink-muted text-sm leading-relaxed">{feature.text}</p>
              </li>
            );
          })}
        </ul>
      </div>
    </section>
  );
}

const FREE_REASONS = [
  {
    icon: Gift,
    title: "Free images on Cloudflare",
    text: "With your own Cloudflare account, Workers AI's free daily allocation (10,000 neurons a day, reset at midnight UTC) makes FLUX.1 schnell images at no cost — over a hundred a day, no card.",
  },
  {
    icon: KeyRound,
    title: "Gemini on your own key — with billing",
    text: "Gemini's image models are not in Google's free tier: they need billing on your Google project (roughly 4–7 US cents an image, paid to Google). You deal with Google directly — no subscription, no markup from us.",
  },
  {
    icon: Database,
    title: "Free-tier hosting",
    text: "Built to run on Vercel Hobby and Supabase Free: images are compressed with thumbnails so a free project goes a long way.",
  },
  {
    icon: Code,
    title: "Open source",
    text: "MIT licensed. Read every line, host your own copy, or run it on your laptop with no account at all.",
  },
] as const;

export function FreeByDesign() {
  return (
    <section id="free" aria-labelledby="free-title" className="scroll-mt-20">
      <div className="mx-auto grid max-w-6xl gap-12 px-4 py-20 sm:px-6 lg:grid-cols-[0.9fr_1.1fr] lg:py-24">
        <div className="flex flex-col gap-4">
          <p className="text-primary text-xs font-semibold tracking-[0.16em] uppercase">
            How it&apos;s free
          </p>
          <h2
            id="free-title"
            className="font-display text-ink text-3xl font-bold tracking-tight sm:text-4xl"
          >
            Free by design, not by trial
          </h2>
          <p className="text-ink-muted">
            There is no paid plan to upsell you to. The studio is small enough to live on free
            tiers, and the expensive part — the model — runs on your own account: free within
            Cloudflare&apos;s daily allocation, billed by Google for Gemini.
          </p>
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
                    {reason.title}
                  </h3>
                  <p className="text-ink-muted text-sm leading-relaxed">{reason.text}</p>
                </div>
              </li>
            );
          })}
        </ol>
      </div>
    </section>
  );
}

export function ClosingCta({ signedIn }: CtaProps) {
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
            {signedIn ? "Your studio is open." : "Make your first image in a minute."}
          </h2>
          <p className="text-white/75">
            {signedIn
              ? "Pick up where you left off — your gallery is waiting."
              : "Create an account, add your Cloudflare account (free daily allocation) or Gemini key, and describe what you want to see."}
          </p>
          <div className="flex w-full flex-col justify-center gap-3 sm:w-auto sm:flex-row">
            {signedIn ? (
              <Button asChild size="lg" variant="inverse">
                <Link href="/generate">
                  Open the studio
                  <ArrowRight aria-hidden="true" />
                </Link>
              </Button>
            ) : (
              <>
                <Button asChild size="lg" variant="inverse">
                  <Link href="/register">Get started</Link>
                </Button>
                <Button asChild size="lg" variant="inverse-ghost">
                  <Link href="/login">Log in</Link>
                </Button>
              </>
            )}
          </div>
        </div>
      </div>
    </section>
  );
}

export function LandingFooter() {
  return (
    <footer className="border-line border-t">
      <div className="text-ink-subtle mx-auto flex max-w-6xl flex-col items-center justify-between gap-3 px-4 py-8 text-sm sm:flex-row sm:px-6">
        <p>AI Image Studio · open source under the MIT licence</p>
        <p>Images by Google Gemini or Cloudflare Workers AI, on your own account.</p>
      </div>
    </footer>
  );
}
