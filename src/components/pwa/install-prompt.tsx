"use client";

import { Download, Share, SquarePlus } from "lucide-react";
import { PlainImage } from "@/components/ui/plain-image";
import { useTranslations } from "next-intl";
import { useCallback, useEffect, useState, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import {
  GENERATION_SUCCEEDED_EVENT,
  INSTALL_STORAGE_KEY,
  detectInstallPlatform,
  isGoodMoment,
  parseInstallMemory,
  recordVisit,
  type InstallMemory,
  type InstallPlatform,
} from "@/lib/pwa/install-moment";
import { PwaNotice } from "./pwa-notice";

/** Chromium's install event (not in TypeScript's DOM library). */
interface BeforeInstallPromptEvent extends Event {
  prompt(): Promise<void>;
  readonly userChoice: Promise<{ outcome: "accepted" | "dismissed"; platform: string }>;
}

function readMemory(): InstallMemory {
  try {
    return parseInstallMemory(window.localStorage.getItem(INSTALL_STORAGE_KEY));
  } catch {
    return parseInstallMemory(null);
  }
}

function writeMemory(memory: InstallMemory): void {
  try {
    window.localStorage.setItem(INSTALL_STORAGE_KEY, JSON.stringify(memory));
  } catch {
    // Private mode or storage refused: the offer simply comes back next time.
  }
}

function isStandalone(): boolean {
  return (
    window.matchMedia("(display-mode: standalone)").matches ||
    (navigator as Navigator & { standalone?: boolean }).standalone === true
  );
}

/**
 * Offers to install the studio at a good moment (see lib/pwa/install-moment.ts): Chromium's own
 * prompt behind an "Install" button, or, on Safari for iPhone and iPad, how to do it by hand.
 */
export function InstallPrompt({ suppressed }: { suppressed: boolean }) {
  const t = useTranslations("pwa.install");
  const [platform, setPlatform] = useState<InstallPlatform>("none");
  const [memory, setMemory] = useState<InstallMemory | null>(null);
  const [deferred, setDeferred] = useState<BeforeInstallPromptEvent | null>(null);
  const [prompting, setPrompting] = useState(false);

  const remember = useCallback((change: (current: InstallMemory) => InstallMemory) => {
    const next = change(readMemory());
    writeMemory(next);
    setMemory(next);
  }, []);

  useEffect(() => {
    setPlatform(
      detectInstallPlatform({
        userAgent: navigator.userAgent,
        maxTouchPoints: navigator.maxTouchPoints,
        standalone: isStandalone(),
      }),
    );
    remember((current) => recordVisit(current, Date.now()));

    const onBeforeInstallPrompt = (event: Event) => {
      // Keep Chromium's own mini-infobar away: the studio asks at a better moment.
      event.preventDefault();
      setDeferred(event as BeforeInstallPromptEvent);
    };
    const onInstalled = () => {
      setDeferred(null);
      remember((current) => ({ ...current, installed: true }));
    };
    const onGenerated = () => remember((current) => ({ ...current, generated: true }));
    window.addEventListener("beforeinstallprompt", onBeforeInstallPrompt);
    window.addEventListener("appinstalled", onInstalled);
    window.addEventListener(GENERATION_SUCCEEDED_EVENT, onGenerated);
    return () => {
      window.removeEventListener("beforeinstallprompt", onBeforeInstallPrompt);
      window.removeEventListener("appinstalled", onInstalled);
      window.removeEventListener(GENERATION_SUCCEEDED_EVENT, onGenerated);
    };
  }, [remember]);

  const dismiss = useCallback(
    () => remember((current) => ({ ...current, dismissedAt: Date.now() })),
    [remember],
  );

  const install = useCallback(async () => {
    if (!deferred) return;
    setPrompting(true);
    try {
      await deferred.prompt();
      const { outcome } = await deferred.userChoice;
      if (outcome === "accepted") remember((current) => ({ ...current, installed: true }));
      else dismiss();
    } catch {
      // The event can be used once; a second try waits for the browser to offer again.
    } finally {
      setDeferred(null);
      setPrompting(false);
    }
  }, [deferred, dismiss, remember]);

  const canInstall = platform === "ios-safari" || (platform === "prompt" && deferred !== null);
  if (suppressed || !memory || !canInstall || !isGoodMoment(memory, Date.now())) return null;

  const mark = (
    <PlainImage
      src="/icons/icon-192.png"
      alt=""
      width={40}
      height={40}
      className="size-10 rounded-xl"
    />
  );

  if (platform === "ios-safari") {
    return (
      <PwaNotice
        data-testid="install-prompt"
        title={t("ios.title")}
        description={t("ios.description")}
        visual={mark}
        onDismiss={dismiss}
        dismissLabel={t("ios.dismiss")}
        actions={
          <Button size="sm" variant="secondary" onClick={dismiss} data-testid="install-dismiss">
            {t("ios.gotIt")}
          </Button>
        }
      >
        <ol className="text-ink mt-1 flex flex-col gap-1.5 text-sm">
          <li className="flex items-center gap-2">
            <span className="bg-surface-sunken text-ink-muted inline-flex size-6 shrink-0 items-center justify-center rounded-full text-xs font-semibold">
              1
            </span>
            <span>
              {t.rich("ios.step1", {
                share: () => (
                  <Share aria-hidden="true" className="text-primary inline size-4 align-[-2px]" />
                ),
                b: strong,
              })}
            </span>
          </li>
          <li className="flex items-center gap-2">
            <span className="bg-surface-sunken text-ink-muted inline-flex size-6 shrink-0 items-center justify-center rounded-full text-xs font-semibold">
              2
            </span>
            <span>
              {t.rich("ios.step2", {
                add: () => (
                  <SquarePlus
                    aria-hidden="true"
                    className="text-primary inline size-4 align-[-2px]"
                  />
                ),
                b: strong,
              })}
            </span>
          </li>
        </ol>
      </PwaNotice>
    );
  }

  return (
    <PwaNotice
      data-testid="install-prompt"
      title={t("title")}
      description={t("description")}
      visual={mark}
      onDismiss={dismiss}
      dismissLabel={t("dismiss")}
      actions={
        <>
          <Button
            size="sm"
            loading={prompting}
            onClick={() => void install()}
            data-testid="install-accept"
          >
            {prompting ? null : <Download aria-hidden="true" />}
            {t("install")}
          </Button>
          <Button size="sm" variant="ghost" onClick={dismiss} data-testid="install-dismiss">
            {t("notNow")}
          </Button>
        </>
      }
    />
  );
}

const strong = (chunks: ReactNode) => <strong className="font-semibold">{chunks}</strong>;
