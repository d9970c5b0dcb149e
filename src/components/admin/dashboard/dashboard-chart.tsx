"use client";

import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { useAdminFormat } from "../use-admin-format";

export interface ChartSeries {
  key: string;
  label: string;
  color: string;
}

export interface DashboardChartProps {
  kind: "bar" | "line";
  rows: Record<string, string | number | null>[];
  xKey: string;
  series: ChartSeries[];
  stacked?: boolean;
  /** Formats the y values (axis and tooltip), e.g. "1.2 s". */
  unit?: "count" | "ms";
  /** Bars drawn sideways, for categories with long names (failure codes, templates). */
  horizontal?: boolean;
}

/**
 * One recharts chart, sized by its container. Loaded on demand (next/dynamic) so the chart
 * library is not part of the /admin page's first load.
 */
export default function DashboardChart({
  kind,
  rows,
  xKey,
  series,
  stacked = false,
  unit = "count",
  horizontal = false,
}: DashboardChartProps) {
  const fmt = useAdminFormat();
  const tick = { fontSize: 12, fill: "var(--ink-muted)" };
  const format = (value: unknown) =>
    typeof value === "number" ? (unit === "ms" ? fmt.ms(value) : fmt.count(value)) : "–";
  const shortDate = fmt.shortDay;
  const tooltip = (
    <Tooltip
      formatter={(value) => format(value)}
      labelFormatter={(label) => fmt.day(label)}
      contentStyle={{
        background: "var(--surface)",
        border: "1px solid var(--line)",
        borderRadius: 12,
        color: "var(--ink)",
        fontSize: 13,
      }}
      cursor={{ fill: "var(--surface-sunken)" }}
    />
  );
  const legend = series.length > 1 ? <Legend wrapperStyle={{ fontSize: 12 }} /> : null;
  const grid = <CartesianGrid stroke="var(--line)" strokeDasharray="3 3" vertical={false} />;
  return (
    <ResponsiveContainer width="100%" height="100%">
      {kind === "line" ? (
        <LineChart data={rows} margin={{ top: 8, right: 8, bottom: 0, left: -12 }}>
          {grid}
          <XAxis dataKey={xKey} tick={tick} tickFormatter={shortDate} minTickGap={16} />
          <YAxis tick={tick} tickFormatter={format} allowDecimals={false} width={56} />
          {tooltip}
          {legend}
          {series.map((entry) => (
            <Line
              key={entry.key}
              type="monotone"
              dataKey={entry.key}
              name={entry.label}
              stroke={entry.color}
              strokeWidth={2}
              dot={rows.length <= 31}
              connectNulls
              isAnimationActive={false}
            />
          ))}
        </LineChart>
      ) : horizontal ? (
        <BarChart data={rows} layout="vertical" margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
          <CartesianGrid stroke="var(--line)" strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" tick={tick} allowDecimals={false} tickFormatter={format} />
          <YAxis type="category" dataKey={xKey} tick={tick} width={120} />
          {tooltip}
          {legend}
          {series.map((entry) => (
            <Bar
              key={entry.key}
              dataKey={entry.key}
              name={entry.label}
              fill={entry.color}
              radius={4}
              isAnimationActive={false}
            />
          ))}
        </BarChart>
      ) : (
        <BarChart data={rows} margin={{ top: 8, right: 8, bottom: 0, left: -12 }}>
          {grid}
          <XAxis dataKey={xKey} tick={tick} tickFormatter={shortDate} minTickGap={16} />
          <YAxis tick={tick} tickFormatter={format} allowDecimals={false} width={56} />
          {tooltip}
          {legend}
          {series.map((entry) => (
            <Bar
              key={entry.key}
              dataKey={entry.key}
              name={entry.label}
              fill={entry.color}
              stackId={stacked ? "stack" : undefined}
              isAnimationActive={false}
            />
          ))}
        </BarChart>
      )}
    </ResponsiveContainer>
  );
}
