import type { Metadata } from "next";
import { GenerateView } from "@/components/generate/generate-view";
import { PageContainer } from "@/components/shell/page-header";

export const metadata: Metadata = { title: "Generate" };

export default function GeneratePage() {
  return (
    <PageContainer>
      <GenerateView />
    </PageContainer>
  );
}
