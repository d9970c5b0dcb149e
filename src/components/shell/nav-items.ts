import { Compass, FolderHeart, Images, Settings, WandSparkles } from "lucide-react";

export interface NavItem {
  href: string;
  /** Its names in `shell.nav.<key>`: `label`, and the phone's bottom bar's shorter `short`. */
  key: "generate" | "gallery" | "explore" | "collections" | "settings";
  icon: typeof Compass;
  testId: string;
}

export const NAV_ITEMS: readonly NavItem[] = [
  {
    href: "/generate",
    key: "generate",
    icon: WandSparkles,
    testId: "nav-generate",
  },
  {
    href: "/gallery",
    key: "gallery",
    icon: Images,
    testId: "nav-gallery",
  },
  {
    href: "/explore",
    key: "explore",
    icon: Compass,
    testId: "nav-explore",
  },
  {
    href: "/collections",
    key: "collections",
    icon: FolderHeart,
    testId: "nav-collections",
  },
  {
    href: "/settings",
    key: "settings",
    icon: Settings,
    testId: "nav-settings",
  },
];

export function isActivePath(pathname: string, href: string): boolean {
  return pathname === href || pathname.startsWith(`${href}/`);
}
