import { ImageOff } from "lucide-react";
import Link from "next/link";
import { PageContainer } from "@/components/shell/page-header";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";

export default function ImageNotFound() {
  return (
    <PageContainer>
      <div data-testid="image-not-found">
        <EmptyState
          headingLevel="h2"
          illustration={
            <div className="bg-surface-raised text-ink-subtle mx-auto flex size-20 items-center justify-center rounded-3xl">
              <ImageOff className="size-9" />
            </div>
          }
          title="This image isn't here"
          description="It may have been deleted, or it belongs to someone who hasn't shared it."
          action={
            <Button asChild>
              <Link href="/gallery">Go to my gallery</Link>
            </Button>
          }
        />
      </div>
    </PageContainer>
  );
}
