"use client";

import { useCallback, useMemo, useRef, useState } from "react";

/**
 * Multi-select over the gallery's current order: toggle, Shift ranges from the last toggled
 * image, select all. Ids that leave the list (deleted, filtered out) drop out of the selection.
 */
export function useSelection(orderedIds: readonly string[]) {
  const [active, setActive] = useState(false);
  const [picked, setPicked] = useState<ReadonlySet<string>>(() => new Set());
  const anchor = useRef<string | null>(null);

  const selectedIds = useMemo(
    () => orderedIds.filter((id) => picked.has(id)),
    [orderedIds, picked],
  );
  const selected = useMemo(() => new Set(selectedIds), [selectedIds]);

  const toggle = useCallback((id: string) => {
    setActive(true);
    anchor.current = id;
    setPicked((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  }, []);

  const selectRange = useCallback(
    (id: string) => {
      setActive(true);
      const from = anchor.current ? orderedIds.indexOf(anchor.current) : -1;
      const to = orderedIds.indexOf(id);
      if (to < 0) return;
      const [start, end] = from < 0 ? [to, to] : from < to ? [from, to] : [to, from];
      setPicked((current) => {
        const next = new Set(current);
        for (const rangeId of orderedIds.slice(start, end + 1)) next.add(rangeId);
        return next;
      });
      anchor.current ??= id;
    },
    [orderedIds],
  );

  const selectAll = useCallback(() => {
    setActive(true);
    setPicked(new Set(orderedIds));
  }, [orderedIds]);

  const clear = useCallback(() => {
    anchor.current = null;
    setPicked(new Set());
  }, []);

  const start = useCallback(() => setActive(true), []);

  const exit = useCallback(() => {
    anchor.current = null;
    setPicked(new Set());
    setActive(false);
  }, []);

  return { active, selected, selectedIds, toggle, selectRange, selectAll, clear, start, exit };
}

export type Selection = ReturnType<typeof useSelection>;
