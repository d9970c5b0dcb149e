import { Compass, Link2Off } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { Button } from "@/components/ui/button";

export const metadata: Metadata = { title: "Link not available", robots: { index: false } };

export default function ShareNotFound() {
  return (
    <div
      className="mx-auto flex max-w-md flex-col items-center gap-4 px-4 py-20 text-center"
      data-testid="share-not-found"
    >
      <span className="bg-primary-soft text-primary flex size-16 items-center justify-center rounded-2xl">
        <Link2Off aria-hidden="true" className="size-8" />
      </span>
      <h1 className="font-display text-ink text-2xl font-bold tracking-tight">
        This link isn&apos;t available
      </h1>
      <p className="text-ink-muted">
        Whoever shared it may have made it private again, or deleted it. Shared links only work
        while their owner keeps them public.
      </p>
      <div className="mt-2 flex flex-wrap justify-center gap-2">
        <Button asChild>
          <Link href="/explore">
            <Compass aria-hidden="true" />
            Explore public images
          </Link>
        </Button>
        <Button asChild variant="secondary">
          <Link href="/">Go to the home page</Link>
        </Button>
      </div>
    </div>
  );
}
