import { Monitor, Moon, Sun } from "lucide-react";
import type { Theme } from "@/lib/theme";

/** The themes in the order pickers show them; each is named by `shell.theme.<value>`. */
export const THEME_OPTIONS: readonly { value: Theme; icon: typeof Sun }[] = [
  { value: "light", icon: Sun },
  { value: "dark", icon: Moon },
  { value: "system", icon: Monitor },
];
