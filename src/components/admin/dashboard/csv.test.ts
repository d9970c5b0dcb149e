import { describe, expect, it } from "vitest";
import { toCsv } from "./csv";

describe("dashboard CSV", () => {
  it("writes the English header and one line per row, quoting and defusing cells", () => {
    const csv = toCsv(
      [
        { key: "date", label: "Tanggal", header: "Date" },
        { key: "n", label: "Pembuatan gambar, oke", header: "Generations, ok" },
      ],
      [
        { date: "2026-12-01", n: 3 },
        { date: "=cmd()", n: null },
      ],
    );
    expect(csv).toBe('Date,"Generations, ok"\r\n2026-12-01,3\r\n\'=cmd(),\r\n');
  });
});
