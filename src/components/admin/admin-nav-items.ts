import { LayoutDashboard, Palette, ScrollText, SlidersHorizontal, Users } from "lucide-react";

/** The admin section's own navigation (/admin/users and /admin/audit come with their pages). */
export const ADMIN_NAV_ITEMS = [
  { href: "/admin", label: "Overview", icon: LayoutDashboard, testId: "admin-nav-overview" },
  { href: "/admin/users", label: "Users", icon: Users, testId: "admin-nav-users" },
  { href: "/admin/templates", label: "Templates", icon: Palette, testId: "admin-nav-templates" },
  {
    href: "/admin/settings",
    label: "Settings",
    icon: SlidersHorizontal,
    testId: "admin-nav-settings",
  },
  { href: "/admin/audit", label: "Audit log", icon: ScrollText, testId: "admin-nav-audit" },
] as const;
