"use client";

import { Search } from "lucide-react";
import { useTranslations } from "next-intl";
import { useId } from "react";
import { Input } from "@/components/ui/input";
import { MAX_SEARCH_LENGTH } from "./explore-query";

interface ExploreSearchProps {
  value: string;
  onChange: (value: string) => void;
  /** Enter: search now instead of after the pause. */
  onSubmit: () => void;
}

export function ExploreSearch({ value, onChange, onSubmit }: ExploreSearchProps) {
  const id = useId();
  const t = useTranslations("explore.search");
  return (
    <form
      role="search"
      className="relative min-w-0 flex-1"
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit();
      }}
    >
      <label htmlFor={id} className="sr-only">
        {t("label")}
      </label>
      <Search
        aria-hidden="true"
        className="text-ink-subtle pointer-events-none absolute top-1/2 left-3.5 size-4 -translate-y-1/2"
      />
      <Input
        id={id}
        name="q"
        type="search"
        value={value}
        onChange={(event) => onChange(event.target.value)}
        placeholder={t("placeholder")}
        maxLength={MAX_SEARCH_LENGTH}
        enterKeyHint="search"
        autoComplete="off"
        className="pl-10"
        data-testid="explore-search"
      />
    </form>
  );
}
