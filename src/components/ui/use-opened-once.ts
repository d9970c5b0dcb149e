import { useState } from "react";

/**
 * True from the first render in which `open` is true, and from then on: a dialog or menu whose
 * code is loaded on demand mounts when first opened, then stays mounted so that it can animate
 * closed and return focus like one that was always there.
 */
export function useOpenedOnce(open: boolean): boolean {
  const [opened, setOpened] = useState(open);
  if (open && !opened) setOpened(true);
  return opened || open;
}
