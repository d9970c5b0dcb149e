"use client";

import { useSearchParams } from "next/navigation";
import { useCallback, useEffect, useRef, useState } from "react";
import type { Settings, StyleTemplate } from "@/shared/api-types";
import {
  COMPOSER_QUERY_KEYS,
  composerValuesFromQuery,
  touchesAdvancedFields,
} from "./composer-query";
import { parseComposerValues, type ComposerField, type ComposerValues } from "./composer-values";
import { useGenerationStore } from "./generation-store";
import { checkInputImage } from "./input-image";

export type ComposerErrors = Partial<Record<ComposerField | "image", string>>;

export interface InputImage {
  file: File;
  previewUrl: string;
}

/** The id of each field's control, for labels and for focusing the first error. */
export const FIELD_IDS: Record<ComposerField | "image", string> = {
  prompt: "generate-prompt",
  negativePrompt: "generate-negative-prompt",
  styleTemplateId: "generate-template",
  aspectRatio: "generate-aspect-ratio",
  quality: "generate-quality",
  seed: "generate-seed",
  tags: "generate-tags",
  isPublic: "generate-public",
  image: "generate-image",
};

const ADVANCED_FIELDS: readonly (ComposerField | "image")[] = [
  "negativePrompt",
  "seed",
  "tags",
  "isPublic",
];

/** The generate form's values, errors and input image, and its submit. */
export function useComposer(settings: Settings) {
  const start = useGenerationStore((state) => state.start);
  // A "Use these settings" link (/generate?prompt=…&seed=…) fills the form once.
  const query = useSearchParams();
  const [fromLink] = useState(() => composerValuesFromQuery(new URLSearchParams(query.toString())));
  const [values, setValues] = useState<ComposerValues>(() => ({
    prompt: "",
    negativePrompt: "",
    styleTemplateId: null,
    aspectRatio: settings.defaultAspectRatio,
    quality: settings.defaultQuality,
    seed: "",
    tags: [],
    isPublic: false,
    ...fromLink,
  }));
  const [errors, setErrors] = useState<ComposerErrors>({});
  const [advancedOpen, setAdvancedOpen] = useState(() => touchesAdvancedFields(fromLink));

  // Once applied, the settings leave the address bar so a reload keeps what the user edited.
  useEffect(() => {
    const url = new URL(window.location.href);
    if (!COMPOSER_QUERY_KEYS.some((key) => url.searchParams.has(key))) return;
    for (const key of COMPOSER_QUERY_KEYS) url.searchParams.delete(key);
    window.history.replaceState(window.history.state, "", url.pathname + url.search + url.hash);
  }, []);
  const [inputImage, setInputImageState] = useState<InputImage | null>(null);
  const [templateNote, setTemplateNote] = useState<string | null>(null);
  const previewRef = useRef<string | null>(null);

  useEffect(
    () => () => {
      if (previewRef.current) URL.revokeObjectURL(previewRef.current);
    },
    [],
  );

  const update = useCallback((patch: Partial<ComposerValues>) => {
    setValues((current) => ({ ...current, ...patch }));
    setErrors((current) => {
      const next = { ...current };
      for (const key of Object.keys(patch) as ComposerField[]) delete next[key];
      return next;
    });
    if ("aspectRatio" in patch) setTemplateNote(null);
  }, []);

  const selectTemplate = useCallback(
    (template: StyleTemplate | null) => {
      const ratio = template?.parameters.aspectRatio;
      update({ styleTemplateId: template?.id ?? null, ...(ratio ? { aspectRatio: ratio } : {}) });
      setTemplateNote(template && ratio ? `${template.name} suggests ${ratio}` : null);
    },
    [update],
  );

  const setInputImage = useCallback((file: File) => {
    const problem = checkInputImage(file);
    if (problem) {
      setErrors((current) => ({ ...current, image: problem }));
      return false;
    }
    if (previewRef.current) URL.revokeObjectURL(previewRef.current);
    const previewUrl = URL.createObjectURL(file);
    previewRef.current = previewUrl;
    setInputImageState({ file, previewUrl });
    setErrors((current) => ({ ...current, image: undefined }));
    return true;
  }, []);

  const removeInputImage = useCallback(() => {
    if (previewRef.current) URL.revokeObjectURL(previewRef.current);
    previewRef.current = null;
    setInputImageState(null);
    setErrors((current) => ({ ...current, image: undefined }));
  }, []);

  const setFieldError = useCallback((field: ComposerField | "image", message: string | null) => {
    setErrors((current) => ({ ...current, [field]: message ?? undefined }));
  }, []);

  const showErrors = useCallback((next: ComposerErrors) => {
    setErrors(next);
    const first = (Object.keys(FIELD_IDS) as (ComposerField | "image")[]).find((key) => next[key]);
    if (!first) return;
    if (ADVANCED_FIELDS.includes(first)) setAdvancedOpen(true);
    // After the disclosure has rendered its fields.
    window.requestAnimationFrame(() => document.getElementById(FIELD_IDS[first])?.focus());
  }, []);

  const submit = useCallback(() => {
    const parsed = parseComposerValues(values);
    if (!parsed.success) {
      showErrors(parsed.fieldErrors);
      return;
    }
    setErrors({});
    void start({
      kind: "generate",
      input: parsed.input,
      image: inputImage?.file ?? null,
      seedFixed: parsed.seedFixed,
    });
  }, [values, inputImage, showErrors, start]);

  return {
    values,
    errors,
    update,
    selectTemplate,
    templateNote,
    advancedOpen,
    setAdvancedOpen,
    inputImage,
    setInputImage,
    removeInputImage,
    showErrors,
    setFieldError,
    submit,
  };
}

export type Composer = ReturnType<typeof useComposer>;
