"use client";

import { useEffect, useRef } from "react";
import { takeSharedImage } from "@/lib/offline/shared-image";

/**
 * /generate?shared=1 is where the service worker sends the user after another app shared an
 * image into the studio: take that image (once) and drop the parameter from the address.
 */
export function useSharedImage(onImage: (file: File) => void) {
  const onImageRef = useRef(onImage);
  useEffect(() => {
    onImageRef.current = onImage;
  }, [onImage]);

  useEffect(() => {
    const url = new URL(window.location.href);
    if (!url.searchParams.has("shared")) return;
    url.searchParams.delete("shared");
    window.history.replaceState(window.history.state, "", url.pathname + url.search + url.hash);
    // No cancelling on unmount: the image has left the cache, so it must reach the form.
    void takeSharedImage()
      .then((file) => {
        if (file) onImageRef.current(file);
      })
      .catch(() => undefined);
  }, []);
}
