import { cn } from "@/lib/cn";

/*
 * Stand-ins for generated images, drawn with gradients and SVG silhouettes (no bitmaps,
 * so they cost nothing offline). Purely decorative.
 */
export type ArtScene =
  "dusk" | "ocean" | "bloom" | "forest" | "nebula" | "dune" | "glass" | "aurora";

const backgrounds: Record<ArtScene, string> = {
  dusk: "bg-[radial-gradient(circle_at_68%_34%,#ffe3a3_0,#ffb04a_9%,transparent_22%),linear-gradient(175deg,#3b1a78_0%,#b43ae8_42%,#ff6b6b_72%,#ffb04a_100%)]",
  ocean:
    "bg-[radial-gradient(circle_at_30%_25%,#ffffffaa_0,transparent_18%),linear-gradient(180deg,#9be7ff_0%,#38bdf8_35%,#4f46e5_70%,#1e1b4b_100%)]",
  bloom:
    "bg-[radial-gradient(circle_at_50%_50%,#fff1f2_0,#fb7185_18%,#be185d_36%,transparent_52%),radial-gradient(circle_at_20%_80%,#fbbf24,transparent_40%),linear-gradient(135deg,#4c0519,#831843)]",
  forest:
    "bg-[radial-gradient(circle_at_75%_20%,#fef9c3_0,transparent_25%),linear-gradient(180deg,#a7f3d0_0%,#34d399_30%,#047857_65%,#022c22_100%)]",
  nebula:
    "bg-[radial-gradient(circle_at_30%_40%,#c084fc_0,transparent_35%),radial-gradient(circle_at_70%_65%,#f472b6_0,transparent_35%),radial-gradient(circle_at_60%_30%,#60a5fa_0,transparent_30%),linear-gradient(180deg,#0b0720,#1e1346)]",
  dune: "bg-[radial-gradient(circle_at_25%_30%,#fff7ed_0,#fdba74_10%,transparent_24%),linear-gradient(180deg,#fed7aa_0%,#fb923c_45%,#c2410c_75%,#431407_100%)]",
  glass: "bg-[conic-gradient(from_210deg_at_55%_55%,#6b3cf0,#22d3ee,#a3e635,#f0506e,#6b3cf0)]",
  aurora:
    "bg-[radial-gradient(ellipse_at_40%_20%,#5eead4_0,transparent_45%),radial-gradient(ellipse_at_70%_30%,#a78bfa_0,transparent_45%),linear-gradient(180deg,#020617_0%,#0f172a_60%,#1e293b_100%)]",
};

function Silhouette({ scene }: { scene: ArtScene }) {
  switch (scene) {
    case "dusk":
    case "forest":
      return (
        <svg
          viewBox="0 0 100 100"
          preserveAspectRatio="none"
          className="absolute inset-x-0 bottom-0 h-1/2 w-full"
        >
          <path
            d="M0 70 22 42l14 16 18-28 20 30 10-10 16 18v32H0Z"
            fill="#000"
            fillOpacity="0.28"
          />
          <path d="M0 84 18 66l16 12 20-18 22 20 24-14v34H0Z" fill="#000" fillOpacity="0.4" />
        </svg>
      );
    case "ocean":
      return (
        <svg
          viewBox="0 0 100 100"
          preserveAspectRatio="none"
          className="absolute inset-x-0 bottom-0 h-2/5 w-full"
        >
          <path d="M0 40c12-8 22-8 34 0s22 8 34 0 22-8 32 0v60H0Z" fill="#fff" fillOpacity="0.18" />
          <path
            d="M0 62c12-8 22-8 34 0s22 8 34 0 22-8 32 0v38H0Z"
            fill="#1e1b4b"
            fillOpacity="0.45"
          />
        </svg>
      );
    case "dune":
      return (
        <svg
          viewBox="0 0 100 100"
          preserveAspectRatio="none"
          className="absolute inset-x-0 bottom-0 h-1/2 w-full"
        >
          <path d="M0 60c30-22 60-22 100 6v34H0Z" fill="#7c2d12" fillOpacity="0.45" />
          <path d="M0 82c40-18 70-10 100-2v20H0Z" fill="#431407" fillOpacity="0.55" />
        </svg>
      );
    case "aurora":
      return (
        <svg
          viewBox="0 0 100 100"
          preserveAspectRatio="none"
          className="absolute inset-x-0 bottom-0 h-1/3 w-full"
        >
          <path
            d="M0 60 14 40l10 14 12-22 14 24 12-12 14 18 14-10v48H0Z"
            fill="#000"
            fillOpacity="0.55"
          />
        </svg>
      );
    case "nebula":
      return (
        <svg viewBox="0 0 100 100" className="absolute inset-0 h-full w-full">
          {[
            [12, 18],
            [80, 12],
            [64, 78],
            [22, 70],
            [90, 52],
            [44, 30],
            [8, 44],
            [72, 34],
          ].map(([x, y]) => (
            <circle key={`${x}-${y}`} cx={x} cy={y} r="0.9" fill="#fff" fillOpacity="0.85" />
          ))}
          <circle cx="58" cy="56" r="12" fill="#fde68a" fillOpacity="0.9" />
          <ellipse
            cx="58"
            cy="56"
            rx="22"
            ry="5"
            fill="none"
            stroke="#fff"
            strokeOpacity="0.6"
            strokeWidth="1.2"
          />
        </svg>
      );
    default:
      return null;
  }
}

// cn() does not resolve conflicts, so "relative" is added only when the caller has not
// positioned the tile itself (a caller's "absolute" must win).
const POSITIONED = /(^|\s)(absolute|fixed|sticky)(\s|$)/;

export function ArtTile({ scene, className }: { scene: ArtScene; className?: string }) {
  return (
    <div
      aria-hidden="true"
      className={cn(
        !POSITIONED.test(className ?? "") && "relative",
        "overflow-hidden rounded-2xl shadow-[0_18px_40px_-18px_rgb(20_10_50/0.55)] ring-1 ring-white/15",
        backgrounds[scene],
        className,
      )}
    >
      <Silhouette scene={scene} />
      <div className="absolute inset-0 bg-[linear-gradient(180deg,rgb(255_255_255/0.14),transparent_40%)]" />
    </div>
  );
}
