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

export function ExploreIllustration() {
  const a = useId();
  const b = useId();
  return (
    <svg viewBox="0 0 240 170" className="h-auto w-full" aria-hidden="true">
      <defs>
        <linearGradient id={a} x1="0" y1="0" x2="1" y2="1">
          <PrismStops />
        </linearGradient>
        <linearGradient id={b} x1="0" y1="0" x2="1" y2="1">
          <stop offset="0" stopColor="#38bdf8" />
          <stop offset="1" stopColor="#a855f7" />
        </linearGradient>
      </defs>
      <ellipse cx="120" cy="158" rx="90" ry="8" className="fill-ink/5" />
      <circle
        cx="120"
        cy="84"
        r="62"
        className="fill-primary-soft/60 stroke-line-strong"
        strokeWidth="1.5"
        strokeDasharray="4 6"
      />
      <circle
        cx="120"
        cy="84"
        r="40"
        className="fill-surface stroke-line-strong"
        strokeWidth="1.5"
      />
      <path d="m120 56 10 28-10 28-10-28Z" fill={`url(#${a})`} />
      <path d="m120 84 10 0-10 28Z" className="fill-ink/15" />
      <circle cx="120" cy="84" r="4" className="fill-surface stroke-primary" strokeWidth="2" />
      <g className="stroke-line-strong" strokeWidth="1.5">
        <rect
          x="20"
          y="30"
          width="44"
          height="44"
          rx="10"
          fill={`url(#${b})`}
          opacity="0.85"
          transform="rotate(-8 42 52)"
        />
        <rect
          x="178"
          y="22"
          width="42"
          height="52"
          rx="10"
          fill={`url(#${a})`}
          opacity="0.8"
          transform="rotate(7 199 48)"
        />
        <rect
          x="184"
          y="100"
          width="40"
          height="40"
          rx="10"
          className="fill-surface"
          transform="rotate(-6 204 120)"
        />
        <rect
          x="18"
          y="104"
          width="40"
          height="36"
          rx="10"
          className="fill-surface"
          transform="rotate(6 38 122)"
        />
      </g>
      <path d="M194 130l8-10 7 7 4-3 5 6Z" className="fill-primary/30" />
      <circle cx="34" cy="118" r="5" className="fill-accent/40" />
      <Sparkle x={80} y={22} size={6} className="fill-accent/70" />
      <Sparkle x={168} y={150} size={6} className="fill-primary/60" />
    </svg>
  );
}

export function CollectionsIllustration() {
  const a = useId();
  const b = useId();
  return (
    <svg viewBox="0 0 240 170" className="h-auto w-full" aria-hidden="true">
      <defs>
        <linearGradient id={a} x1="0" y1="0" x2="1" y2="1">
          <PrismStops />
        </linearGradient>
        <linearGradient id={b} x1="0" y1="0" x2="1" y2="1">
          <stop offset="0" stopColor="#f0506e" />
          <stop offset="1" stopColor="#ffb04a" />
        </linearGradient>
      </defs>
      <ellipse cx="120" cy="156" rx="92" ry="8" className="fill-ink/5" />
      <rect
        x="66"
        y="18"
        width="84"
        height="64"
        rx="10"
        fill={`url(#${b})`}
        opacity="0.75"
        transform="rotate(-10 108 50)"
      />
      <rect
        x="92"
        y="14"
        width="84"
        height="64"
        rx="10"
        fill={`url(#${a})`}
        opacity="0.9"
        transform="rotate(8 134 46)"
      />
      <path
        d="M40 58a10 10 0 0 1 10-10h40l12 12h88a10 10 0 0 1 10 10v70a10 10 0 0 1-10 10H50a10 10 0 0 1-10-10Z"
        className="fill-primary-soft stroke-line-strong"
        strokeWidth="1.5"
      />
      <path
        d="M40 80a10 10 0 0 1 10-10h140a10 10 0 0 1 10 10v60a10 10 0 0 1-10 10H50a10 10 0 0 1-10-10Z"
        className="fill-surface stroke-line-strong"
        strokeWidth="1.5"
      />
      <rect x="58" y="92" width="64" height="8" rx="4" className="fill-ink-subtle/40" />
      <rect x="58" y="108" width="40" height="7" rx="3.5" className="fill-ink-subtle/20" />
      <g transform="translate(146 104)">
        <path d="M0 4a4 4 0 0 1 4-4h22l12 12-12 12H4a4 4 0 0 1-4-4Z" className="fill-primary" />
        <circle cx="27" cy="12" r="2.5" className="fill-surface" />
      </g>
      <Sparkle x={206} y={34} size={7} className="fill-accent/70" />
      <Sparkle x={30} y={34} size={5} className="fill-primary/60" />
    </svg>
  );
}
