import { HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import { GenerateView } from "@/components/generate/generate-view";
import { PageContainer } from "@/components/shell/page-header";
import { loadGeneratePageState } from "@/server/pages/generate-page-data";

export const metadata: Metadata = {
  title: "Generate",
  description: "Describe an image, pick a style and shape, and generate it with Google Gemini.",
};

export default async function GeneratePage() {
  // The profile (defaults, quota) and the template catalog are in the HTML.
  const state = await loadGeneratePageState();
  return (
    <PageContainer>
      <HydrationBoundary state={state}>
        <GenerateView />
      </HydrationBoundary>
    </PageContainer>
  );
}
