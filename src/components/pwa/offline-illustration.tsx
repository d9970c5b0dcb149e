import { useId } from "react";

/** A framed picture under a cloud with its signal struck through; decorative, theme-aware. */
export function OfflineIllustration() {
  const prism = useId();
  return (
    <svg viewBox="0 0 240 170" className="h-auto w-full" aria-hidden="true">
      <defs>
        <linearGradient id={prism} x1="0" y1="0" x2="1" y2="1">
          <stop offset="0" stopColor="#6b3cf0" />
          <stop offset="0.45" stopColor="#b43ae8" />
          <stop offset="0.8" stopColor="#f0506e" />
          <stop offset="1" stopColor="#ffb04a" />
        </linearGradient>
      </defs>
      <ellipse cx="120" cy="154" rx="90" ry="9" className="fill-ink/5" />
      <rect
        x="46"
        y="58"
        width="112"
        height="86"
        rx="14"
        className="fill-surface stroke-line-strong"
        strokeWidth="2"
      />
      <rect x="58" y="70" width="88" height="62" rx="8" className="fill-primary-soft" />
      <path d="M58 122l26-26 18 18 14-12 30 24v6H58z" fill={`url(#${prism})`} opacity="0.85" />
      <circle cx="126" cy="88" r="7" className="fill-surface" opacity="0.9" />
      <g transform="translate(128 18)">
        <path
          d="M22 58h50a20 20 0 0 0 0-40 28 28 0 0 0-53-6A22 22 0 0 0 22 58z"
          className="fill-surface stroke-line-strong"
          strokeWidth="2"
        />
        <path
          d="M36 40a20 20 0 0 1 26 0M42 47a11 11 0 0 1 14 0"
          className="stroke-ink-subtle"
          strokeWidth="3.5"
          strokeLinecap="round"
          fill="none"
        />
        <circle cx="49" cy="53" r="2.6" className="fill-ink-subtle" />
        <path d="M30 22l40 38" className="stroke-accent" strokeWidth="4" strokeLinecap="round" />
      </g>
    </svg>
  );
}
