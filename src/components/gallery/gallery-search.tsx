"use client";

import { Search, X } from "lucide-react";
import { useTranslations } from "next-intl";
import { useCallback, useEffect, useRef, useState } from "react";
import { Input } from "@/components/ui/input";

const DEBOUNCE_MS = 300;

interface GallerySearchProps {
  value: string;
  onSearch: (q: string) => void;
}

/** The search box: applies what is typed after a pause, or at once on Enter. */
export function GallerySearch({ value, onSearch }: GallerySearchProps) {
  const t = useTranslations("gallery.search");
  const [draft, setDraft] = useState(value);
  const applied = useRef(value);

  // A change from outside (a chip's clear, Back) replaces what is in the box.
  useEffect(() => {
    if (value !== applied.current) {
      applied.current = value;
      setDraft(value);
    }
  }, [value]);

  const onSearchRef = useRef(onSearch);
  useEffect(() => {
    onSearchRef.current = onSearch;
  });

  const apply = useCallback((text: string) => {
    const q = text.trim();
    if (q === applied.current) return;
    applied.current = q;
    onSearchRef.current(q);
  }, []);

  useEffect(() => {
    const timer = window.setTimeout(() => apply(draft), DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
  }, [draft, apply]);

  return (
    <div role="search" className="relative min-w-0 flex-1" data-testid="gallery-search">
      <Search
        aria-hidden="true"
        className="text-ink-subtle pointer-events-none absolute top-1/2 left-3.5 size-4 -translate-y-1/2"
      />
      <Input
        type="search"
        id="gallery-search-input"
        name="q"
        value={draft}
        onChange={(event) => setDraft(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === "Enter") apply(draft);
          if (event.key === "Escape" && draft !== "") {
            event.preventDefault();
            setDraft("");
            apply("");
          }
        }}
        maxLength={200}
        placeholder={t("placeholder")}
        aria-label={t("label")}
        enterKeyHint="search"
        autoComplete="off"
        className="pr-11 pl-10 [&::-webkit-search-cancel-button]:appearance-none"
      />
      {draft !== "" ? (
        <button
          type="button"
          onClick={() => {
            setDraft("");
            apply("");
          }}
          aria-label={t("clear")}
          className="text-ink-subtle hover:bg-surface-raised hover:text-ink absolute top-1/2 right-1 inline-flex size-9 -translate-y-1/2 items-center justify-center rounded-full"
        >
          <X aria-hidden="true" className="size-4" />
        </button>
      ) : null}
    </div>
  );
}
