"use client";

import { ImagePlus, RotateCw } from "lucide-react";
import dynamic from "next/dynamic";
import { useTranslations } from "next-intl";
import { useEffect, useRef } from "react";
import { PageHeader } from "@/components/shell/page-header";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { toast } from "@/components/ui/toast";
import { useErrorMessage } from "@/lib/i18n/use-error-message";
import type { Profile } from "@/shared/api-types";
import type { AspectRatio } from "@/shared/schemas/settings";
import type { ComposerField } from "./composer-values";
import { GenerateForm } from "./generate-form";
import { GenerateSkeleton } from "./generate-skeleton";
import {
  countOf,
  loadStreaming,
  useGenerationStore,
  type Batch,
  type RunState,
  type SessionResult,
} from "./generation-store";
import { QuotaIndicator } from "./quota-indicator";
import { ResultPlaceholder } from "./result-placeholder";
import { FIELD_IDS, useComposer } from "./use-composer";
import { useGenerateData, type Loadable, type TemplateCatalog } from "./use-generate-data";
import { usePageImageInput } from "./use-page-image-input";
import { useStageLabel } from "./use-stage-label";
import { useSharedImage } from "./use-shared-image";

// What shows once a generation starts (progress, result with its zoom dialog and edit form,
// error guidance) is not on the page when it opens: each loads when first shown.
const GenerationProgress = dynamic(() =>
  import("./generation-progress").then((module) => module.GenerationProgress),
);
const GenerationResult = dynamic(() =>
  import("./generation-result").then((module) => module.GenerationResult),
);
const BatchGrid = dynamic(() => import("./batch-grid").then((module) => module.BatchGrid));
// Read from IndexedDB after the page is up (it was always after an await); most often empty.
const QueuedPrompts = dynamic(
  () => import("./queued-prompts").then((module) => module.QueuedPrompts),
  { ssr: false },
);
const GenerationFailure = dynamic(() =>
  import("./generation-error").then((module) => module.GenerationFailure),
);
// This session's earlier results: none when the page opens.
const RecentResults = dynamic(() =>
  import("./recent-results").then((module) => module.RecentResults),
);

export function GenerateView() {
  const t = useTranslations("generate");
  const errorText = useErrorMessage();
  const { profile, reloadProfile, catalog, reloadCatalog } = useGenerateData();
  const quota = useGenerationStore((state) => state.quota);
  const setQuota = useGenerationStore((state) => state.setQuota);
  const refreshTimings = useGenerationStore((state) => state.refreshTimings);

  useEffect(() => {
    if (profile.status === "ready") setQuota(profile.data.quota);
  }, [profile, setQuota]);
  useEffect(() => {
    void refreshTimings();
    // The code that sends a request is not in the page's first load; fetch it once idle.
    const warm = () => void loadStreaming().catch(() => undefined);
    // Safari has no requestIdleCallback.
    if (typeof window.requestIdleCallback !== "function") {
      const timer = setTimeout(warm, 2000);
      return () => clearTimeout(timer);
    }
    const handle = window.requestIdleCallback(warm, { timeout: 5000 });
    return () => window.cancelIdleCallback(handle);
  }, [refreshTimings]);

  return (
    <div className="flex flex-col gap-8">
      <PageHeader
        eyebrow={t("header.eyebrow")}
        title={t("header.title")}
        description={t("header.description")}
        actions={
          profile.status === "error" ? null : (
            // Until the store has it (an effect), the profile's quota: the server's HTML shows it.
            <QuotaIndicator
              quota={quota ?? (profile.status === "ready" ? profile.data.quota : null)}
            />
          )
        }
      />
      <StageAnnouncer />
      {profile.status === "loading" ? <GenerateSkeleton /> : null}
      {profile.status === "error" ? (
        <Card className="flex flex-col gap-4 p-5 sm:p-6" data-testid="generate-load-error">
          <Alert variant="danger" role="alert" title={t("loadError.title")}>
            {errorText(profile.error)}
          </Alert>
          <div>
            <Button variant="secondary" onClick={reloadProfile}>
              <RotateCw aria-hidden="true" />
              {t("loadError.retry")}
            </Button>
          </div>
        </Card>
      ) : null}
      {profile.status === "ready" ? (
        <Studio profile={profile.data} catalog={catalog} onReloadCatalog={reloadCatalog} />
      ) : null}
    </div>
  );
}

interface StudioProps {
  profile: Profile;
  catalog: Loadable<TemplateCatalog>;
  onReloadCatalog: () => void;
}

function Studio({ profile, catalog, onReloadCatalog }: StudioProps) {
  const t = useTranslations("generate");
  const composer = useComposer(profile.settings);
  const run = useGenerationStore((state) => state.run);
  const results = useGenerationStore((state) => state.results);
  const activeId = useGenerationStore((state) => state.activeId);
  const medianMs = useGenerationStore((state) => state.medianMs);
  const quota = useGenerationStore((state) => state.quota);
  const retry = useGenerationStore((state) => state.retry);
  const dismissError = useGenerationStore((state) => state.dismissError);
  const select = useGenerationStore((state) => state.select);
  const setUserId = useGenerationStore((state) => state.setUserId);
  const queuedCount = useGenerationStore((state) => state.queuedCount);
  const batch = useGenerationStore((state) => state.batch);
  const reattach = useGenerationStore((state) => state.reattach);
  const reattachedCount = useGenerationStore((state) => state.reattachedCount);
  useEffect(() => {
    setUserId(profile.user.id);
    // Work an earlier page started (a closed tab, a reload) is followed again, or shown once.
    void reattach();
  }, [profile.user.id, setUserId, reattach]);

  const shownReattached = useRef(reattachedCount);
  useEffect(() => {
    if (reattachedCount === shownReattached.current) return;
    shownReattached.current = reattachedCount;
    toast({
      title: t("toasts.reattachedTitle"),
      description: t("toasts.reattachedDescription"),
    });
  }, [reattachedCount, t]);

  // A prompt that could not be sent went into the outbox: say so where the eye is.
  const shownQueued = useRef(queuedCount);
  useEffect(() => {
    if (queuedCount === shownQueued.current) return;
    shownQueued.current = queuedCount;
    toast({
      title: t("toasts.queuedTitle"),
      description: t("toasts.queuedDescription"),
    });
  }, [queuedCount, t]);

  // An image shared from another app (the share sheet) becomes the input image.
  useSharedImage((file) => {
    if (composer.setInputImage(file)) {
      toast({ title: t("toasts.sharedTitle"), description: t("toasts.sharedDescription") });
    }
  });
  const fileInputRef = useRef<HTMLInputElement>(null);
  const resultAreaRef = useRef<HTMLDivElement>(null);
  const running = run.status === "running";
  const active = results.find((result) => result.image.id === activeId) ?? null;
  const parent = active?.image.parentId
    ? (results.find((result) => result.image.id === active.image.parentId) ?? null)
    : null;

  const { dragging } = usePageImageInput((files, source) => {
    if (composer.addInputFiles(files)) {
      toast({
        title:
          source === "paste"
            ? t("toasts.pastedTitle", { count: files.length })
            : t("toasts.addedTitle", { count: files.length }),
        description: t("toasts.addedDescription"),
      });
    } else {
      document.getElementById(FIELD_IDS.image)?.scrollIntoView({ block: "center" });
    }
  });

  // On one column, bring the progress (and then the result or error) into view.
  const status = run.status;
  useEffect(() => {
    if (status === "idle" && !activeId) return;
    const area = resultAreaRef.current;
    if (!area || window.matchMedia("(min-width: 1024px)").matches) return;
    const reduced = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
    area.scrollIntoView({ behavior: reduced ? "auto" : "smooth", block: "start" });
  }, [status, activeId]);

  // Field errors from the server land on the form, like the client's own.
  const failure = run.status === "failed" ? run.error : null;
  const { showErrors } = composer;
  useEffect(() => {
    if (!failure || failure.code !== "VALIDATION_ERROR") return;
    let current = true;
    void import("./error-guidance").then(({ guidanceFor }) => {
      if (!current) return;
      const fields = guidanceFor(failure, { now: Date.now() }).fieldErrors;
      const known = Object.fromEntries(
        Object.entries(fields).filter(([field]) => field in FIELD_IDS),
      ) as Partial<Record<ComposerField, string>>;
      if (Object.keys(known).length > 0) showErrors(known);
    });
    return () => {
      current = false;
    };
  }, [failure, showErrors]);

  const remaining = quota?.remainingToday ?? null;
  const count = composer.values.count;

  return (
    <div className="grid grid-cols-1 gap-8 lg:grid-cols-[minmax(0,1fr)_minmax(0,1.05fr)] lg:items-start">
      <Card className="p-5 sm:p-6">
        <GenerateForm
          composer={composer}
          catalog={catalog}
          onReloadCatalog={onReloadCatalog}
          running={running}
          fileInputRef={fileInputRef}
          remaining={remaining}
          footnote={
            remaining === null ? null : remaining === 0 ? (
              <span className="text-danger font-medium">{t("footnote.noneLeft")}</span>
            ) : (
              t(count > remaining ? "footnote.usesCapped" : "footnote.uses", {
                uses: Math.min(count, remaining),
                remaining,
              })
            )
          }
        />
      </Card>

      {/* From lg up the result column stays in view while the composer scrolls beside it; it
          scrolls on its own when taller than the window, so its top (the result) never leaves. */}
      <div
        ref={resultAreaRef}
        className="flex scroll-mt-20 flex-col gap-6 lg:sticky lg:top-6 lg:-m-2 lg:max-h-[calc(100dvh-3rem)] lg:overflow-y-auto lg:p-2"
        aria-busy={running}
        data-testid="generate-result-column"
      >
        <QueuedPrompts />
        <ResultArea
          run={run}
          active={active}
          parent={parent}
          batch={batch}
          onSelect={select}
          medianMs={medianMs}
          hasInputImage={composer.inputImages.length > 0}
          fallbackRatio={composer.values.aspectRatio}
          onRetry={(reuseKey) => void retry({ reuseKey })}
          onEditPrompt={() => {
            dismissError();
            const prompt = document.getElementById(FIELD_IDS.prompt);
            prompt?.scrollIntoView({ block: "center" });
            prompt?.focus();
          }}
          onChooseImage={() => fileInputRef.current?.click()}
          onRemoveImage={() => {
            composer.removeInputImage();
            dismissError();
          }}
          onDismiss={dismissError}
          onUseIdea={(idea) => {
            composer.update({ prompt: idea });
            document.getElementById(FIELD_IDS.prompt)?.focus();
          }}
        />
        {results.length > 0 ? (
          <RecentResults results={results} activeId={activeId} onSelect={select} />
        ) : null}
      </div>

      {dragging ? <DropOverlay /> : null}
    </div>
  );
}

interface ResultAreaProps {
  run: RunState;
  active: SessionResult | null;
  parent: SessionResult | null;
  batch: Batch | null;
  onSelect: (id: string) => void;
  medianMs: number | null;
  hasInputImage: boolean;
  fallbackRatio: AspectRatio;
  onRetry: (reuseKey: boolean) => void;
  onEditPrompt: () => void;
  onChooseImage: () => void;
  onRemoveImage: () => void;
  onDismiss: () => void;
  onUseIdea: (prompt: string) => void;
}

function ResultArea({
  run,
  active,
  parent,
  batch,
  onSelect,
  medianMs,
  hasInputImage,
  fallbackRatio,
  onUseIdea,
  ...handlers
}: ResultAreaProps) {
  // A batch (more than one image asked for) shows as a grid, filling in as images arrive.
  const grid =
    batch && batch.count > 1 ? (
      <BatchGrid batch={batch} activeId={active?.image.id ?? null} onSelect={onSelect} />
    ) : null;
  if (run.status === "running") {
    const { spec } = run;
    const ratio =
      spec.kind === "generate"
        ? (spec.input.aspectRatio ?? fallbackRatio)
        : spec.kind === "edit"
          ? (spec.input.aspectRatio ?? active?.image.aspectRatio ?? fallbackRatio)
          : spec.kind === "resume"
            ? (spec.aspectRatio ?? fallbackRatio)
            : (active?.image.aspectRatio ?? fallbackRatio);
    return (
      <>
        <GenerationProgress
          kind={spec.kind === "edit" ? "edit" : "generate"}
          stage={run.stage}
          serverPercent={run.serverPercent}
          startedAt={run.startedAt}
          stageStartedAt={run.stageStartedAt}
          medianMs={medianMs}
          aspectRatio={ratio}
          showPreview={countOf(spec) === 1}
        />
        {grid}
      </>
    );
  }
  return (
    <>
      {run.status === "failed" ? (
        <GenerationFailure
          key={run.failedAt}
          failure={run.error}
          context={{
            now: run.failedAt,
            online: typeof navigator === "undefined" ? true : navigator.onLine,
            hasInputImage:
              run.spec.kind === "generate"
                ? run.spec.files.length + run.spec.inputImageIds.length > 0
                : hasInputImage,
          }}
          {...handlers}
        />
      ) : null}
      {grid}
      {active ? (
        <GenerationResult result={active} parent={parent} running={false} />
      ) : run.status === "idle" ? (
        <ResultPlaceholder onUseIdea={onUseIdea} />
      ) : null}
    </>
  );
}

/** Announces each stage, then the outcome, to screen readers. */
function StageAnnouncer() {
  const t = useTranslations("generate");
  const stageLabel = useStageLabel();
  const message = useGenerationStore((state) => {
    if (state.run.status === "running") return stageLabel(state.run.stage);
    if (state.run.status === "failed") return "";
    if (!state.activeId) return "";
    const made = state.batch && state.batch.count > 1 ? state.batch.images.length : 1;
    return t("announcer.ready", { count: made });
  });
  return (
    <div role="status" aria-live="polite" className="sr-only" data-testid="generate-announcer">
      {message}
    </div>
  );
}

function DropOverlay() {
  const t = useTranslations("generate.drop");
  return (
    <div
      aria-hidden="true"
      className="bg-primary/10 pointer-events-none fixed inset-0 z-50 flex items-center justify-center p-6 backdrop-blur-[2px]"
    >
      <div className="rounded-card border-primary bg-surface shadow-pop flex flex-col items-center gap-3 border-2 border-dashed px-10 py-8 text-center">
        <ImagePlus className="text-primary size-8" />
        <p className="font-display text-ink text-lg font-semibold">{t("title")}</p>
        <p className="text-ink-muted text-sm">{t("hint")}</p>
      </div>
    </div>
  );
}
