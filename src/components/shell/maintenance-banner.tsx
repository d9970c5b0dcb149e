import { Megaphone } from "lucide-react";
import { getTranslations } from "next-intl/server";

/** The admins' announcement (Admin → Settings → Maintenance banner), above every page. */
export async function MaintenanceBanner({ message }: { message: string }) {
  const t = await getTranslations("shell.maintenance");
  return (
    <aside
      aria-label={t("label")}
      data-testid="maintenance-banner"
      className="border-warning/30 bg-warning-soft text-ink relative z-40 flex items-start justify-center gap-2 border-b px-4 py-2 pt-[max(0.5rem,env(safe-area-inset-top))] text-center text-sm"
    >
      <Megaphone aria-hidden="true" className="text-warning mt-0.5 size-4 shrink-0" />
      <p className="min-w-0 [overflow-wrap:anywhere]">{message}</p>
    </aside>
  );
}
