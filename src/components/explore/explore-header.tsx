import { ArrowLeft } from "lucide-react";
import Link from "next/link";
import { PageHeader } from "@/components/shell/page-header";

export function ExploreHeader({ signedIn }: { signedIn: boolean }) {
  return (
    <div className="flex flex-col gap-3">
      {signedIn ? (
        <Link
          href="/generate"
          className="text-ink-muted hover:text-ink inline-flex items-center gap-1.5 self-start rounded-lg text-sm font-semibold"
          data-testid="explore-back-to-studio"
        >
          <ArrowLeft aria-hidden="true" className="size-4" />
          Back to the studio
        </Link>
      ) : null}
      <PageHeader
        eyebrow="Community"
        title="Explore"
        description="Images people made with Gemini and chose to share. Open one to see its prompt, download it, or make your own."
      />
    </div>
  );
}
