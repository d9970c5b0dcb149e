"use client";

import { useSearchParams } from "next/navigation";
import { useTranslations } from "next-intl";
import { useCallback, useEffect, useRef, useState } from "react";
import { useTemplateText } from "@/lib/i18n/template-text";
import type { Image, Settings, StyleTemplate } from "@/shared/api-types";
import { isBatchCount, INPUT_IMAGES_MAX, SEED_MAX } from "@/shared/limits";
import {
  COMPOSER_QUERY_KEYS,
  composerValuesFromQuery,
  touchesAdvancedFields,
} from "./composer-query";
import { parseComposerValues, type ComposerField, type ComposerValues } from "./composer-values";
import { useGenerationStore } from "./generation-store";
import { checkInputImage } from "./input-image";
import { useInputImageProblemText } from "./input-image-text";

export type ComposerErrors = Partial<Record<ComposerField | "image", string>>;

/** One input image: a file from this device, or an image of the gallery (sent by id). */
export type InputImage =
  | { kind: "file"; key: string; file: File; previewUrl: string }
  | { kind: "gallery"; key: string; image: Image; previewUrl: string };

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
  count: "generate-count",
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
  const t = useTranslations("generate");
  const problemText = useInputImageProblemText();
  const templateText = useTemplateText();
  const start = useGenerationStore((state) => state.start);
  // A "Use these settings" link (/generate?prompt=…&seed=…) fills the form once.
  const query = useSearchParams();
  const queryText = query.toString();
  const [fromLink] = useState(() => composerValuesFromQuery(new URLSearchParams(queryText)));
  const appliedQuery = useRef(queryText);
  const [values, setValues] = useState<ComposerValues>(() => ({
    prompt: "",
    negativePrompt: "",
    styleTemplateId: null,
    aspectRatio: settings.defaultAspectRatio,
    quality: settings.defaultQuality,
    seed: "",
    tags: [],
    isPublic: false,
    count: isBatchCount(settings.defaultCount) ? settings.defaultCount : 1,
    ...fromLink,
  }));
  const [errors, setErrors] = useState<ComposerErrors>({});
  const [advancedOpen, setAdvancedOpen] = useState(() => touchesAdvancedFields(fromLink));

  // A link followed while the page is open ("Remix" of a result) fills the form again.
  useEffect(() => {
    if (queryText === appliedQuery.current) return;
    appliedQuery.current = queryText;
    const linked = composerValuesFromQuery(new URLSearchParams(queryText));
    if (Object.keys(linked).length === 0) return;
    setValues((current) => ({
      ...current,
      negativePrompt: "",
      styleTemplateId: null,
      seed: "",
      tags: [],
      ...linked,
    }));
    setErrors({});
    if (touchesAdvancedFields(linked)) setAdvancedOpen(true);
    window.requestAnimationFrame(() => {
      const prompt = document.getElementById(FIELD_IDS.prompt);
      prompt?.scrollIntoView({ block: "center" });
      prompt?.focus({ preventScroll: true });
    });
    const url = new URL(window.location.href);
    for (const key of COMPOSER_QUERY_KEYS) url.searchParams.delete(key);
    window.history.replaceState(window.history.state, "", url.pathname + url.search + url.hash);
  }, [queryText]);

  // Once applied, the settings leave the address bar so a reload keeps what the user edited.
  useEffect(() => {
    const url = new URL(window.location.href);
    if (!COMPOSER_QUERY_KEYS.some((key) => url.searchParams.has(key))) return;
    for (const key of COMPOSER_QUERY_KEYS) url.searchParams.delete(key);
    window.history.replaceState(window.history.state, "", url.pathname + url.search + url.hash);
  }, []);
  const [inputImages, setInputImages] = useState<InputImage[]>([]);
  // The template that set the ratio, named in the note beside the ratio picker.
  const [ratioFrom, setRatioFrom] = useState<StyleTemplate | null>(null);
  const ratio = ratioFrom?.parameters.aspectRatio;
  const templateNote =
    ratioFrom && ratio
      ? t("templates.suggests", { name: templateText(ratioFrom).name, ratio })
      : null;
  // The object URLs of the file previews, revoked when their image leaves (or the page does).
  const previews = useRef(new Set<string>());
  const inputsRef = useRef(inputImages);
  inputsRef.current = inputImages;

  useEffect(() => {
    const urls = previews.current;
    return () => {
      for (const url of urls) URL.revokeObjectURL(url);
      urls.clear();
    };
  }, []);

  const update = useCallback((patch: Partial<ComposerValues>) => {
    setValues((current) => ({ ...current, ...patch }));
    setErrors((current) => {
      const next = { ...current };
      for (const key of Object.keys(patch) as ComposerField[]) delete next[key];
      return next;
    });
    if ("aspectRatio" in patch) setRatioFrom(null);
  }, []);

  const selectTemplate = useCallback(
    (template: StyleTemplate | null) => {
      const ratio = template?.parameters.aspectRatio;
      update({ styleTemplateId: template?.id ?? null, ...(ratio ? { aspectRatio: ratio } : {}) });
      setRatioFrom(template && ratio ? template : null);
    },
    [update],
  );

  /** Adds files (picked, dropped, pasted or shared) after the images already there. */
  const tooMany = useCallback(
    (room: number) =>
      room <= 0
        ? t("inputImages.noRoom", { max: INPUT_IMAGES_MAX })
        : t("inputImages.tooMany", { room, max: INPUT_IMAGES_MAX }),
    [t],
  );

  const addInputFiles = useCallback(
    (files: readonly File[]) => {
      const room = INPUT_IMAGES_MAX - inputsRef.current.length;
      const invalid = files.map(checkInputImage).find((found) => found !== null);
      const problem = invalid ? problemText(invalid) : files.length > room ? tooMany(room) : null;
      if (problem) {
        setErrors((current) => ({ ...current, image: problem }));
        return false;
      }
      const added = files.map((file): InputImage => {
        const previewUrl = URL.createObjectURL(file);
        previews.current.add(previewUrl);
        return { kind: "file", key: previewUrl, file, previewUrl };
      });
      // Files go before gallery picks: the request sends them first, so the numbers stay true.
      const current = inputsRef.current;
      const next = [
        ...current.filter((item) => item.kind === "file"),
        ...added,
        ...current.filter((item) => item.kind === "gallery"),
      ];
      inputsRef.current = next;
      setInputImages(next);
      setErrors((current) => ({ ...current, image: undefined }));
      return true;
    },
    [problemText, tooMany],
  );

  const setInputImage = useCallback((file: File) => addInputFiles([file]), [addInputFiles]);

  /** Adds images chosen from the gallery (an image already there is not added twice). */
  const addGalleryImages = useCallback(
    (images: readonly Image[]) => {
      const current = inputsRef.current;
      const fresh = images.filter(
        (image) => !current.some((item) => item.kind === "gallery" && item.image.id === image.id),
      );
      const room = INPUT_IMAGES_MAX - current.length;
      if (fresh.length > room) {
        setErrors((errorsNow) => ({ ...errorsNow, image: tooMany(room) }));
        return false;
      }
      const next = [
        ...current,
        ...fresh.map((image): InputImage => ({
          kind: "gallery",
          key: `gallery-${image.id}`,
          image,
          previewUrl: image.urls.thumbnails["150"] ?? image.urls.original,
        })),
      ];
      inputsRef.current = next;
      setInputImages(next);
      setErrors((errorsNow) => ({ ...errorsNow, image: undefined }));
      return true;
    },
    [tooMany],
  );

  /** Removes one input image (by key), or all of them. */
  const removeInputImage = useCallback((key?: string) => {
    const leaving = inputsRef.current.filter((item) => key === undefined || item.key === key);
    for (const item of leaving) {
      if (item.kind === "file") {
        URL.revokeObjectURL(item.previewUrl);
        previews.current.delete(item.previewUrl);
      }
    }
    const next = key === undefined ? [] : inputsRef.current.filter((item) => item.key !== key);
    inputsRef.current = next;
    setInputImages(next);
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
    // Once the field is there: the disclosure renders its fields, loading them the first time.
    focusWhenPresent(FIELD_IDS[first]);
  }, []);

  const submit = useCallback(() => {
    const parsed = parseComposerValues(values, {
      seed: t("advanced.seed.invalid", { max: SEED_MAX }),
      styleTemplateId: t("invalidTemplate"),
    });
    if (!parsed.success) {
      showErrors(parsed.fieldErrors);
      return;
    }
    setErrors({});
    void start({
      kind: "generate",
      input: parsed.input,
      files: inputImages.flatMap((item) => (item.kind === "file" ? [item.file] : [])),
      inputImageIds: inputImages.flatMap((item) =>
        item.kind === "gallery" ? [item.image.id] : [],
      ),
      seedFixed: parsed.seedFixed,
    });
  }, [values, inputImages, showErrors, start, t]);

  return {
    values,
    errors,
    update,
    selectTemplate,
    templateNote,
    advancedOpen,
    setAdvancedOpen,
    inputImages,
    setInputImage,
    addInputFiles,
    addGalleryImages,
    removeInputImage,
    showErrors,
    setFieldError,
    submit,
  };
}

export type Composer = ReturnType<typeof useComposer>;

/** Focuses the element with this id as soon as it exists (for up to two seconds). */
function focusWhenPresent(id: string, deadline = performance.now() + 2000) {
  window.requestAnimationFrame(() => {
    const element = document.getElementById(id);
    if (element) element.focus();
    else if (performance.now() < deadline) focusWhenPresent(id, deadline);
  });
}
