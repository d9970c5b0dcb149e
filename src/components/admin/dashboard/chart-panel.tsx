"use client";

import { Download } from "lucide-react";
import dynamic from "next/dynamic";
import { useFormatter, useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import type { DashboardChartProps } from "./dashboard-chart";
import { downloadCsv, type TableColumn } from "./csv";

// recharts arrives with the first chart, not with the page.
const DashboardChart = dynamic(() => import("./dashboard-chart"), {
  ssr: false,
  loading: () => <Skeleton className="size-full" />,
});

/**
 * A chart with the numbers behind it: a "Show table" disclosure and a CSV download of the
 * same rows. The chart itself is hidden from screen readers; the table is what they read.
 */
export function ChartPanel({
  id,
  title,
  description,
  chart,
  columns,
  rows,
  csvName,
  height = 240,
}: {
  id: string;
  title: string;
  description?: string;
  chart: Omit<DashboardChartProps, "rows">;
  columns: TableColumn[];
  rows: Record<string, string | number | null>[];
  csvName: string;
  height?: number;
}) {
  const t = useTranslations("admin.dashboard.panel");
  const format = useFormatter();
  // The table reads like the page (numbers in the reader's locale); the CSV keeps raw values.
  const cellText = (column: TableColumn, value: string | number | null) =>
    column.format
      ? column.format(value)
      : typeof value === "number"
        ? format.number(value)
        : (value ?? "–");
  const headingId = `${id}-title`;
  return (
    <Card className="flex min-w-0 flex-col gap-3 p-4 sm:p-5" data-testid={`admin-chart-${id}`}>
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div className="min-w-0">
          <h2 id={headingId} className="font-display text-ink text-lg font-semibold">
            {title}
          </h2>
          {description ? <p className="text-ink-muted text-sm">{description}</p> : null}
        </div>
        <Button
          variant="secondary"
          size="sm"
          onClick={() => downloadCsv(csvName, columns, rows)}
          data-testid={`admin-chart-${id}-csv`}
        >
          <Download aria-hidden="true" />
          {t("downloadCsv")}
        </Button>
      </div>
      {rows.length === 0 ? (
        <p className="text-ink-muted bg-surface-sunken rounded-xl px-4 py-6 text-center text-sm">
          {t("nothingYet")}
        </p>
      ) : (
        <div aria-hidden="true" style={{ height }} className="w-full min-w-0">
          <DashboardChart {...chart} rows={rows} />
        </div>
      )}
      <details className="group" data-testid={`admin-chart-${id}-details`}>
        <summary className="text-primary focus-visible:ring-ring w-fit cursor-pointer rounded text-sm font-semibold focus-visible:ring-2 focus-visible:outline-none">
          {t("showTable")}
        </summary>
        <div className="mt-2 max-h-80 overflow-auto">
          <table className="w-full text-sm" aria-labelledby={headingId}>
            <thead className="bg-surface sticky top-0">
              <tr>
                {columns.map((column) => (
                  <th
                    key={column.key}
                    scope="col"
                    className="text-ink-muted border-line border-b px-2 py-1.5 text-left font-semibold first:pl-0"
                  >
                    {column.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row, index) => (
                <tr key={index} className="border-line border-b last:border-0">
                  {columns.map((column, columnIndex) =>
                    columnIndex === 0 ? (
                      <th
                        key={column.key}
                        scope="row"
                        className="text-ink px-2 py-1.5 text-left font-normal whitespace-nowrap first:pl-0"
                      >
                        {cellText(column, row[column.key] ?? null)}
                      </th>
                    ) : (
                      <td key={column.key} className="text-ink px-2 py-1.5 tabular-nums">
                        {cellText(column, row[column.key] ?? null)}
                      </td>
                    ),
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </Card>
  );
}
