import { useId } from "react";

/*
 * Decorative SVG scenes for the empty states. Colours come from the theme tokens through
 * Tailwind classes (fill-*, stroke-*, [stop-color:…]) so they follow light and dark.
 */

function PrismStops() {
  return (
    <>
      <stop offset="0" stopColor="#6b3cf0" />
      <stop offset="0.45" stopColor="#b43ae8" />
      <stop offset="0.8" stopColor="#f0506e" />
      <stop offset="1" stopColor="#ffb04a" />
    </>
  );
}

function Sparkle({
  x,
  y,
  size,
  className,
}: {
  x: number;
  y: number;
  size: number;
  className?: string;
}) {
  const s = size;
  return (
    <path
      className={className}
      d={`M${x} ${y - s}c${s * 0.12} ${s * 0.7} ${s * 0.3} ${s * 0.88} ${s} ${s}c-${s * 0.7} ${s * 0.12}-${s * 0.88} ${s * 0.3}-${s} ${s}c-${s * 0.12}-${s * 0.7}-${s * 0.3}-${s * 0.88}-${s}-${s}c${s * 0.7}-${s * 0.12} ${s * 0.88}-${s * 0.3} ${s}-${s}Z`}
    />
  );
}

export function GenerateIllustration() {
  const prism = useId();
  const sky = useId();
  return (
    <svg viewBox="0 0 240 170" className="h-auto w-full" aria-hidden="true">
      <defs>
        <linearGradient id={prism} x1="0" y1="0" x2="1" y2="1">
          <PrismStops />
        </linearGradient>
        <linearGradient id={sky} x1="0" y1="0" x2="0" y2="1">
          <stop offset="0" className="[stop-color:var(--primary-soft)]" />
          <stop offset="1" className="[stop-color:var(--accent-soft)]" />
        </linearGradient>
      </defs>
      <ellipse cx="120" cy="150" rx="92" ry="10" className="fill-ink/5" />
      <rect
        x="52"
        y="14"
        width="136"
        height="104"
        rx="14"
        className="fill-surface stroke-line-strong"
        strokeWidth="1.5"
      />
      <rect x="60" y="22" width="120" height="88" rx="9" fill={`url(#${sky})`} />
      <circle cx="148" cy="48" r="12" fill={`url(#${prism})`} opacity="0.9" />
      <path
        d="M60 96 92 62l22 24 14-14 52 38v4a9 9 0 0 1-9 9H69a9 9 0 0 1-9-9Z"
        fill={`url(#${prism})`}
        opacity="0.85"
      />
      <path d="M60 104 84 84l30 26H69a9 9 0 0 1-9-6Z" className="fill-primary" opacity="0.55" />
      <rect
        x="30"
        y="126"
        width="180"
        height="30"
        rx="15"
        className="fill-surface stroke-line-strong"
        strokeWidth="1.5"
      />
      <rect x="46" y="137" width="74" height="8" rx="4" className="fill-ink-subtle/35" />
      <rect x="124" y="137" width="26" height="8" rx="4" className="fill-ink-subtle/20" />
      <rect x="154" y="135" width="2" height="12" rx="1" className="fill-primary" />
      <circle cx="194" cy="141" r="10" fill={`url(#${prism})`} />
      <path
        d="M194 136.5c.4 2.5 1.7 3.8 4.2 4.2-2.5.4-3.8 1.7-4.2 4.2-.4-2.5-1.7-3.8-4.2-4.2 2.5-.4 3.8-1.7 4.2-4.2Z"
        className="fill-white"
      />
      <Sparkle x={36} y={40} size={7} className="fill-primary/70" />
      <Sparkle x={206} y={26} size={5} className="fill-accent/80" />
      <Sparkle x={212} y={92} size={8} className="fill-primary/40" />
      <circle cx="30" cy="86" r="3" className="fill-accent/60" />
    </svg>
  );
}

export function GalleryIllustration() {
  const a = useId();
  const b = useId();
  const c = useId();
  return (
    <svg viewBox="0 0 240 170" className="h-auto w-full" aria-hidden="true">
      <defs>
        <linearGradient id={a} x1="0" y1="0" x2="1" y2="1">
          <PrismStops />
        </linearGradient>
        <linearGradient id={b} x1="0" y1="0" x2="1" y2="1">
          <stop offset="0" stopColor="#2dd4bf" />
          <stop offset="1" stopColor="#6b3cf0" />
        </linearGradient>
        <linearGradient id={c} x1="0" y1="1" x2="1" y2="0">
          <stop offset="0" stopColor="#f0506e" />
          <stop offset="1" stopColor="#ffcf70" />
        </linearGradient>
      </defs>
      <ellipse cx="120" cy="158" rx="96" ry="8" className="fill-ink/5" />
      <g className="stroke-line-strong" strokeWidth="1.5">
        <rect x="34" y="14" width="52" height="70" rx="10" fill={`url(#${a})`} opacity="0.9" />
        <rect x="34" y="92" width="52" height="56" rx="10" className="fill-surface" />
        <rect x="94" y="14" width="52" height="46" rx="10" className="fill-surface" />
        <rect x="94" y="68" width="52" height="80" rx="10" fill={`url(#${b})`} opacity="0.85" />
        <rect x="154" y="14" width="52" height="62" rx="10" fill={`url(#${c})`} opacity="0.9" />
        <rect x="154" y="84" width="52" height="64" rx="10" className="fill-surface" />
      </g>
      <path d="M44 140l12-14 10 10 8-6 8 10Z" className="fill-primary/25" />
      <circle
        cx="120"
        cy="37"
        r="9"
        className="fill-primary-soft stroke-primary/40"
        strokeWidth="1.5"
      />
      <path d="M164 134l14-18 12 12 6-5 6 11Z" className="fill-accent/30" />
      <circle cx="192" cy="100" r="5" className="fill-accent/40" />
      <path
        d="M132 124c0-4 3-6.5 6-6.5 2 0 3.4 1 4 2.3.6-1.3 2-2.3 4-2.3 3 0 6 2.5 6 6.5 0 6-10 11-10 11s-10-5-10-11Z"
        className="fill-white"
        transform="translate(-22 -8)"
      />
    </svg>
  );
}
