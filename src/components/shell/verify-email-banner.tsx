"use client";

import { MailWarning } from "lucide-react";
import { useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState, useSyncExternalStore, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { toast } from "@/components/ui/toast-store";
import { useApiMutation } from "@/lib/api/hooks";
import { queryKeys } from "@/lib/api/query-keys";
import { apiFetch } from "@/lib/api/request";
import type { Profile, User } from "@/shared/api-types";

/**
 * A strip under the top bar until the account's address is confirmed, with "Resend". The
 * server's answer for the page decides at first; the profile, when loaded, keeps it current.
 */
export function VerifyEmailBanner({ user }: { user: User }) {
  // Read from the cache only, without adding the query to it: the banner never starts a
  // request of its own, and a profile query made here (in the shell, above the page) would
  // make the page's HydrationBoundary hydrate the server's profile in an effect instead of
  // during render, so /generate's server HTML would be its skeleton instead of the studio.
  const t = useTranslations("shell.verifyEmail");
  const queryClient = useQueryClient();
  const cached = useSyncExternalStore(
    (onChange) => queryClient.getQueryCache().subscribe(onChange),
    () => queryClient.getQueryData<Profile>(queryKeys.profile),
    () => undefined,
  );
  const current = cached?.user ?? user;
  const [sentTo, setSentTo] = useState<string | null>(null);
  const resend = useApiMutation({
    mutationFn: () =>
      apiFetch<{ sent: boolean }>("/api/v1/auth/email/verify/resend", { method: "POST" }),
    errorToast: t("failed"),
    onSuccess: (result) => {
      if (!result.sent) {
        toast({ variant: "success", title: t("alreadyConfirmed") });
        return;
      }
      setSentTo(current.email);
      toast({
        variant: "success",
        title: t("linkSent"),
        description: t("linkSentDescription", { email: current.email }),
      });
    },
  });

  if (current.emailVerified) return null;
  return (
    <div
      role="status"
      data-testid="verify-email-banner"
      className="border-warning/30 bg-warning-soft text-ink flex flex-col items-center justify-center gap-2 border-b px-4 py-2 text-center text-sm sm:flex-row sm:gap-3"
    >
      <p className="flex min-w-0 items-start gap-2 sm:items-center">
        <MailWarning aria-hidden="true" className="text-warning mt-0.5 size-4 shrink-0 sm:mt-0" />
        <span className="[overflow-wrap:anywhere]">
          {sentTo
            ? t.rich("sent", { email: sentTo, b: bold })
            : t.rich("pending", { email: current.email, b: bold })}
        </span>
      </p>
      <Button
        size="sm"
        variant="secondary"
        loading={resend.isPending}
        onClick={() => resend.mutate()}
        data-testid="verify-email-resend"
      >
        {sentTo ? t("sendAgain") : t("resend")}
      </Button>
    </div>
  );
}

const bold = (chunks: ReactNode) => <span className="font-semibold">{chunks}</span>;
