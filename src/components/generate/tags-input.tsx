"use client";

import { X } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState, type KeyboardEvent } from "react";
import { controlClasses } from "@/components/ui/input";
import { cn } from "@/lib/cn";
import { checkText, TAGS_MAX_MESSAGE, TEXT_RULES } from "@/shared/limits";
import { TAGS_MAX } from "./composer-values";

interface TagsInputProps {
  id: string;
  tags: string[];
  onChange: (tags: string[]) => void;
  /** Set by FormField. */
  "aria-describedby"?: string;
  "aria-invalid"?: boolean;
  onProblem: (message: string | null) => void;
}

/** Chips with a text box: Enter or comma adds, Backspace in the empty box removes the last. */
export function TagsInput({ id, tags, onChange, onProblem, ...aria }: TagsInputProps) {
  const t = useTranslations("generate.advanced.tags");
  const [draft, setDraft] = useState("");
  const full = tags.length >= TAGS_MAX;

  function commit(text: string): boolean {
    const raw = text.replace(/,/g, " ").trim();
    if (raw === "") return true;
    if (full) {
      onProblem(TAGS_MAX_MESSAGE);
      return false;
    }
    const parsed = checkText(TEXT_RULES.tag, raw);
    if (!parsed.ok) {
      onProblem(parsed.error);
      return false;
    }
    onProblem(null);
    if (!tags.includes(parsed.value)) onChange([...tags, parsed.value]);
    setDraft("");
    return true;
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if ((event.key === "Enter" && !event.metaKey && !event.ctrlKey) || event.key === ",") {
      event.preventDefault();
      commit(draft);
    } else if (event.key === "Backspace" && draft === "" && tags.length > 0) {
      onChange(tags.slice(0, -1));
    }
  }

  return (
    <div
      data-invalid={aria["aria-invalid"] ? "true" : undefined}
      className={cn(
        controlClasses,
        "flex min-h-11 flex-wrap items-center gap-1.5 px-2 py-1.5",
        "focus-within:border-primary focus-within:ring-ring/25 focus-within:ring-4",
        "data-[invalid=true]:border-danger",
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
            onClick={() => onChange(tags.filter((item) => item !== tag))}
            aria-label={t("remove", { tag })}
            className="hover:bg-primary/15 inline-flex size-6 items-center justify-center rounded-full"
          >
            <X aria-hidden="true" className="size-3.5" />
          </button>
        </span>
      ))}
      <input
        id={id}
        name="tag"
        value={draft}
        onChange={(event) => {
          setDraft(event.target.value);
          onProblem(null);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => commit(draft)}
        disabled={full}
        placeholder={
          full ? t("full") : tags.length === 0 ? t("placeholderEmpty") : t("placeholder")
        }
        autoComplete="off"
        enterKeyHint="done"
        maxLength={40}
        className="text-ink placeholder:text-ink-subtle h-8 min-w-32 flex-1 bg-transparent px-1.5 text-base outline-none disabled:cursor-not-allowed sm:text-sm"
        {...aria}
      />
    </div>
  );
}
