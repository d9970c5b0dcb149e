import { RotateCw } from "lucide-react";
import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { cn } from "@/lib/cn";

/** Something on the settings page could not be loaded: what, why, and a way to try again. */
export function LoadError({
  title,
  message,
  onRetry,
  className,
  testId,
  retryTestId,
}: {
  title: string;
  message: string;
  onRetry: () => void;
  className?: string;
  testId?: string;
  retryTestId?: string;
}) {
  // A base namespace: admin pages show this too.
  const t = useTranslations("shell.errorPanel");
  return (
    <div className={cn("flex flex-col gap-3", className)} data-testid={testId}>
      <Alert variant="danger" role="alert" title={title}>
        {message}
      </Alert>
      <div>
        <Button variant="secondary" onClick={onRetry} data-testid={retryTestId}>
          <RotateCw aria-hidden="true" />
          {t("tryAgain")}
        </Button>
      </div>
    </div>
  );
}
