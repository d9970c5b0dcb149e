import { PageHeader } from "@/components/shell/page-header";
import { ExploreShortcuts } from "./explore-shortcuts";

export function ExploreHeader() {
  return (
    <>
      <PageHeader
        eyebrow="Community"
        title="Explore"
        description="Images people made with Gemini and chose to share. Open one to see its prompt, download it, or make your own."
      />
      <ExploreShortcuts />
    </>
  );
}
