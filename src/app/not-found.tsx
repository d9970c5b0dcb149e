import { Compass } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { CenteredPage } from "@/components/feedback/centered-page";
import { Button } from "@/components/ui/button";

export const metadata: Metadata = { title: "Page not found" };

export default function NotFound() {
  return (
    <CenteredPage>
      <div
        className="flex max-w-md flex-col items-center gap-4 text-center"
        data-testid="not-found"
      >
        <p className="text-prism font-display text-7xl font-black tracking-tighter sm:text-8xl">
          404
        </p>
        <h1 className="font-display text-ink text-2xl font-bold tracking-tight">
          This frame is empty
        </h1>
        <p className="text-ink-muted">
          The page you asked for doesn&apos;t exist, or it was moved. Let&apos;s get you back to
          somewhere with pictures.
        </p>
        <div className="mt-2 flex flex-wrap justify-center gap-2">
          <Button asChild>
            <Link href="/">Go to the home page</Link>
          </Button>
          <Button asChild variant="secondary">
            <Link href="/explore">
              <Compass aria-hidden="true" />
              Explore images
            </Link>
          </Button>
        </div>
      </div>
    </CenteredPage>
  );
}
