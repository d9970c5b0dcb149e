import { useId } from "react";
import { cn } from "@/lib/cn";

/** The studio's mark: a prism tile with a four-point spark. */
export function LogoMark({ className }: { className?: string }) {
  const gradientId = useId();
  const shineId = useId();
  return (
    <svg viewBox="0 0 40 40" aria-hidden="true" className={cn("size-9 shrink-0", className)}>
      <defs>
        <linearGradient
          id={gradientId}
          x1="0"
          y1="0"
          x2="40"
          y2="40"
          gradientUnits="userSpaceOnUse"
        >
          <stop offset="0" stopColor="#6b3cf0" />
          <stop offset="0.42" stopColor="#b43ae8" />
          <stop offset="0.75" stopColor="#f0506e" />
          <stop offset="1" stopColor="#ffb04a" />
        </linearGradient>
        <radialGradient id={shineId} cx="0.3" cy="0.2" r="0.8">
          <stop offset="0" stopColor="#ffffff" stopOpacity="0.45" />
          <stop offset="1" stopColor="#ffffff" stopOpacity="0" />
        </radialGradient>
      </defs>
      <rect width="40" height="40" rx="11" fill={`url(#${gradientId})`} />
      <rect width="40" height="40" rx="11" fill={`url(#${shineId})`} />
      <path
        d="M20 8.5c.9 5.6 3.9 8.6 9.5 9.5-5.6.9-8.6 3.9-9.5 9.5-.9-5.6-3.9-8.6-9.5-9.5 5.6-.9 8.6-3.9 9.5-9.5Z"
        fill="#fff"
      />
      <circle cx="29.5" cy="28.5" r="2.4" fill="#fff" fillOpacity="0.85" />
    </svg>
  );
}

export function Logo({ className, compact = false }: { className?: string; compact?: boolean }) {
  return (
    <span className={cn("inline-flex items-center gap-2.5", className)}>
      <LogoMark />
      {compact ? (
        <span className="sr-only">AI Image Studio</span>
      ) : (
        <span className="flex flex-col leading-none">
          <span className="font-display text-ink text-[0.95rem] font-bold tracking-tight whitespace-nowrap">
            Image Studio
          </span>
          <span className="text-ink-subtle mt-1 text-[0.65rem] font-semibold tracking-[0.18em] whitespace-nowrap uppercase">
            AI · Gemini
          </span>
        </span>
      )}
    </span>
  );
}
