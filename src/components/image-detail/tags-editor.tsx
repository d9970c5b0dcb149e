"use client";

import { Plus, X } from "lucide-react";
import { useTranslations } from "next-intl";
import { useId, useState, type FormEvent } from "react";
import { Spinner } from "@/components/ui/spinner";
import { controlClasses } from "@/components/ui/input";
import { cn } from "@/lib/cn";
import { useFieldErrorText } from "@/lib/i18n/use-field-errors";
import { checkText, TAGS_MAX, TEXT_RULES } from "@/shared/limits";

interface TagsEditorProps {
  tags: string[];
  /** Saves the whole list; resolves false when it was refused (the editor keeps the text). */
  onSave: (tags: string[]) => Promise<boolean>;
  readOnly?: boolean;
}

/** The image's tags as chips: × removes one, the box adds one (Enter or comma); each change is saved. */
export function TagsEditor({ tags, onSave, readOnly = false }: TagsEditorProps) {
  const t = useTranslations("image.tags");
  const fieldErrorText = useFieldErrorText();
  const [draft, setDraft] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const inputId = useId();
  const full = tags.length >= TAGS_MAX;

  async function save(next: string[]) {
    setSaving(true);
    const ok = await onSave(next);
    setSaving(false);
    return ok;
  }

  async function add(event?: FormEvent) {
    event?.preventDefault();
    const raw = draft.replace(/,/g, " ").trim();
    if (raw === "") return;
    if (full) {
      setProblem(t("tooMany", { max: TAGS_MAX }));
      return;
    }
    const parsed = checkText(TEXT_RULES.tag, raw);
    if (!parsed.ok) {
      setProblem(fieldErrorText(parsed.error) ?? parsed.error);
      return;
    }
    setProblem(null);
    if (tags.includes(parsed.value)) {
      setDraft("");
      return;
    }
    if (await save([...tags, parsed.value])) setDraft("");
  }

  if (readOnly) {
    return tags.length > 0 ? (
      <ul className="flex flex-wrap gap-1.5" data-testid="image-tags">
        {tags.map((tag) => (
          <li
            key={tag}
            className="bg-primary-soft text-primary-soft-ink rounded-full px-3 py-1 text-sm font-medium"
          >
            {tag}
          </li>
        ))}
      </ul>
    ) : (
      <p className="text-ink-subtle text-sm">{t("none")}</p>
    );
  }

  return (
    <div className="flex flex-col gap-2" data-testid="image-tags">
      <form
        onSubmit={(event) => void add(event)}
        className={cn(
          controlClasses,
          "flex min-h-11 flex-wrap items-center gap-1.5 px-2 py-1.5",
          "focus-within:border-primary focus-within:ring-ring/25 focus-within:ring-4",
          problem && "border-danger",
        )}
      >
        {tags.map((tag) => (
          <span
            key={tag}
            className="bg-primary-soft text-primary-soft-ink inline-flex h-8 items-center gap-1 rounded-full pr-1 pl-3 text-sm font-medium"
          >
            {tag}
            <button
              type="button"
              disabled={saving}
              onClick={() => void save(tags.filter((item) => item !== tag))}
              aria-label={t("remove", { tag })}
              className="hover:bg-primary/15 inline-flex size-6 items-center justify-center rounded-full disabled:opacity-50"
            >
              <X aria-hidden="true" className="size-3.5" />
            </button>
          </span>
        ))}
        <label htmlFor={inputId} className="sr-only">
          {t("addLabel")}
        </label>
        <input
          id={inputId}
          name="tag"
          value={draft}
          onChange={(event) => {
            setDraft(event.target.value);
            setProblem(null);
          }}
          onKeyDown={(event) => {
            if (event.key === ",") {
              event.preventDefault();
              void add();
            } else if (event.key === "Backspace" && draft === "" && tags.length > 0 && !saving) {
              void save(tags.slice(0, -1));
            }
          }}
          disabled={full}
          placeholder={
            full
              ? t("placeholderFull", { max: TAGS_MAX })
              : tags.length === 0
                ? t("placeholderFirst")
                : t("placeholder")
          }
          autoComplete="off"
          enterKeyHint="done"
          maxLength={40}
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? `${inputId}-problem` : undefined}
          data-testid="image-tags-input"
          className="text-ink placeholder:text-ink-subtle h-8 min-w-28 flex-1 bg-transparent px-1.5 text-base outline-none disabled:cursor-not-allowed sm:text-sm"
        />
        {saving ? (
          <Spinner label={t("saving")} className="text-ink-muted mr-1.5" />
        ) : draft.trim() !== "" ? (
          <button
            type="submit"
            aria-label={t("addButton")}
            className="text-primary hover:bg-primary-soft inline-flex size-8 items-center justify-center rounded-full"
          >
            <Plus aria-hidden="true" className="size-4" />
          </button>
        ) : null}
      </form>
      {problem ? (
        <p id={`${inputId}-problem`} className="text-danger text-sm">
          {problem}
        </p>
      ) : null}
    </div>
  );
}
