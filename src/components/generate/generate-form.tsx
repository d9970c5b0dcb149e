"use client";

import { WandSparkles } from "lucide-react";
import { useTranslations } from "next-intl";
import type { KeyboardEvent, ReactNode, Ref } from "react";
import { Button } from "@/components/ui/button";
import { AdvancedOptions } from "./advanced-options";
import { InputImageField } from "./input-image-field";
import { PromptEnhancer } from "./prompt-enhancer";
import { PromptField } from "./prompt-field";
import { AspectRatioPicker, CountPicker, QualityPicker } from "./shape-pickers";
import { TemplatePicker } from "./template-picker";
import { FIELD_IDS, type Composer } from "./use-composer";
import type { Loadable, TemplateCatalog } from "./use-generate-data";

interface GenerateFormProps {
  composer: Composer;
  catalog: Loadable<TemplateCatalog>;
  onReloadCatalog: () => void;
  running: boolean;
  fileInputRef: Ref<HTMLInputElement>;
  /** A line beside the button, e.g. how many images are left. */
  footnote?: ReactNode;
  /** Images left today (null: no limit known). */
  remaining: number | null;
}

export function GenerateForm({
  composer,
  catalog,
  onReloadCatalog,
  running,
  fileInputRef,
  footnote,
  remaining,
}: GenerateFormProps) {
  const t = useTranslations("generate.form");
  const { values, errors, update } = composer;

  function submitOnShortcut(event: KeyboardEvent<HTMLFormElement>) {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      event.currentTarget.requestSubmit();
    }
  }

  return (
    <form
      noValidate
      aria-label={t("label")}
      onSubmit={(event) => {
        event.preventDefault();
        if (!running) composer.submit();
      }}
      onKeyDown={submitOnShortcut}
      className="flex flex-col gap-6"
      data-testid="generate-form"
    >
      <PromptField
        id={FIELD_IDS.prompt}
        value={values.prompt}
        error={errors.prompt}
        onChange={(prompt) => update({ prompt })}
      />
      <PromptEnhancer
        prompt={values.prompt}
        styleTemplateId={values.styleTemplateId}
        onPromptChange={(prompt) => update({ prompt })}
      />
      <InputImageField
        ref={fileInputRef}
        id={FIELD_IDS.image}
        images={composer.inputImages}
        error={errors.image}
        onPick={composer.addInputFiles}
        onPickFromGallery={composer.addGalleryImages}
        onRemove={composer.removeInputImage}
      />
      <TemplatePicker
        id={FIELD_IDS.styleTemplateId}
        catalog={catalog}
        onReload={onReloadCatalog}
        selectedId={values.styleTemplateId}
        onSelect={composer.selectTemplate}
      />
      <AspectRatioPicker
        id={FIELD_IDS.aspectRatio}
        value={values.aspectRatio}
        onChange={(aspectRatio) => update({ aspectRatio })}
        note={composer.templateNote}
      />
      <QualityPicker
        id={FIELD_IDS.quality}
        value={values.quality}
        onChange={(quality) => update({ quality })}
      />
      <CountPicker
        id={FIELD_IDS.count}
        value={values.count}
        onChange={(count) => update({ count })}
        remaining={remaining}
      />
      <AdvancedOptions
        open={composer.advancedOpen}
        onOpenChange={composer.setAdvancedOpen}
        values={values}
        errors={errors}
        onChange={update}
        onTagProblem={(message) => composer.setFieldError("tags", message)}
      />
      {/* The button stays in reach while the form scrolls: above the bottom navigation below lg,
          at the bottom of the window from lg up. */}
      <div className="rounded-b-card border-line bg-surface/95 sticky bottom-[calc(4rem+1px+env(safe-area-inset-bottom))] z-10 -mx-5 -mb-5 flex flex-col gap-2 border-t px-5 py-3 backdrop-blur-md sm:-mx-6 sm:-mb-6 sm:flex-row sm:items-center sm:px-6 lg:bottom-0">
        <Button
          type="submit"
          size="lg"
          loading={running}
          className="w-full sm:w-auto sm:min-w-44"
          data-testid="generate-submit"
        >
          {running ? null : <WandSparkles aria-hidden="true" />}
          {running ? t("submitting") : t("submit", { count: values.count })}
        </Button>
        {footnote ? (
          <div className="text-ink-muted text-center text-xs sm:text-left">{footnote}</div>
        ) : null}
      </div>
    </form>
  );
}
