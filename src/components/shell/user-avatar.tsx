import { cn } from "@/lib/cn";

export function initialsOf(name: string, email: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const first = words[0]?.[0] ?? email[0] ?? "?";
  const last = words.length > 1 ? (words[words.length - 1]?.[0] ?? "") : "";
  return (first + last).toUpperCase();
}

const sizeClasses = {
  sm: "size-9 text-[0.8rem]",
  md: "size-10 text-sm",
  lg: "size-14 text-lg",
} as const;

interface UserAvatarProps {
  name: string;
  email: string;
  size?: keyof typeof sizeClasses;
  className?: string;
}

/** Initials on the prism; decorative, the name is always printed beside it or in a label. */
export function UserAvatar({ name, email, size = "sm", className }: UserAvatarProps) {
  return (
    <span
      aria-hidden="true"
      className={cn(
        "bg-prism ring-surface inline-flex shrink-0 items-center justify-center rounded-full font-bold tracking-wide text-white ring-2",
        sizeClasses[size],
        className,
      )}
    >
      {initialsOf(name, email)}
    </span>
  );
}
