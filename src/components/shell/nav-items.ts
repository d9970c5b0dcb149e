import { Compass, FolderHeart, Images, Settings, WandSparkles } from "lucide-react";

export interface NavItem {
  href: string;
  label: string;
  /** Shorter label for the phone's bottom bar. */
  shortLabel: string;
  icon: typeof Compass;
  testId: string;
}

export const NAV_ITEMS: readonly NavItem[] = [
  {
    href: "/generate",
    label: "Generate",
    shortLabel: "Generate",
    icon: WandSparkles,
    testId: "nav-generate",
  },
  {
    href: "/gallery",
    label: "My gallery",
    shortLabel: "Gallery",
    icon: Images,
    testId: "nav-gallery",
  },
  {
    href: "/explore",
    label: "Explore",
    shortLabel: "Explore",
    icon: Compass,
    testId: "nav-explore",
  },
  {
    href: "/collections",
    label: "Collections",
    shortLabel: "Collections",
    icon: FolderHeart,
    testId: "nav-collections",
  },
  {
    href: "/settings",
    label: "Settings",
    shortLabel: "Settings",
    icon: Settings,
    testId: "nav-settings",
  },
];

export function isActivePath(pathname: string, href: string): boolean {
  return pathname === href || pathname.startsWith(`${href}/`);
}
