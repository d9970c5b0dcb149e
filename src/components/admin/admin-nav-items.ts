import { LayoutDashboard, Palette, ScrollText, SlidersHorizontal, Users } from "lucide-react";

/**
 * The admin section's own navigation (/admin/users and /admin/audit come with their pages);
 * `label` is a key of the `admin` catalogue.
 */
export const ADMIN_NAV_ITEMS = [
  { href: "/admin", label: "nav.overview", icon: LayoutDashboard, testId: "admin-nav-overview" },
  { href: "/admin/users", label: "nav.users", icon: Users, testId: "admin-nav-users" },
  {
    href: "/admin/templates",
    label: "nav.templates",
    icon: Palette,
    testId: "admin-nav-templates",
  },
  {
    href: "/admin/settings",
    label: "nav.settings",
    icon: SlidersHorizontal,
    testId: "admin-nav-settings",
  },
  { href: "/admin/audit", label: "nav.audit", icon: ScrollText, testId: "admin-nav-audit" },
] as const;
