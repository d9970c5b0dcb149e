import { describe, expect, it } from "vitest";
import {
  MAX_TILE_RATIO,
  MIN_TILE_RATIO,
  columnsFor,
  gapFor,
  gridRows,
  justifiedRows,
  rowOfIndex,
  verticalNeighbour,
  type LayoutRow,
} from "./gallery-layout";

const rowWidth = (row: LayoutRow, gap: number) =>
  row.tiles.reduce((total, tile) => total + tile.width, 0) + gap * (row.tiles.length - 1);

describe("justified rows", () => {
  const width = 1000;
  const gap = gapFor(width);
  const ratios = [1.5, 0.75, 1, 1.78, 0.56, 1.33, 1, 1.5, 0.8, 2, 1, 1.2, 0.66];
  const rows = justifiedRows({ ratios, width, targetHeight: 200 });

  it("places every image once, in order", () => {
    const indices = rows.flatMap((row) => row.tiles.map((tile) => tile.index));
    expect(indices).toEqual(ratios.map((_, index) => index));
  });

  it("fills the width exactly with every row but the last", () => {
    for (const row of rows.slice(0, -1)) expect(rowWidth(row, gap)).toBeCloseTo(width, 6);
  });

  it("keeps each image's aspect ratio within a row of one height", () => {
    for (const row of rows.slice(0, -1)) {
      for (const tile of row.tiles.slice(0, -1))
        expect(tile.width / row.height).toBeCloseTo(ratios[tile.index]!, 6);
    }
  });

  it("keeps rows near the target height", () => {
    for (const row of rows.slice(0, -1)) {
      expect(row.height).toBeGreaterThan(120);
      expect(row.height).toBeLessThan(320);
    }
  });

  it("does not stretch the last row across the width", () => {
    const short = justifiedRows({ ratios: [1, 1, 1, 1, 1, 1, 1], width, targetHeight: 200 });
    const last = short[short.length - 1]!;
    expect(last.height).toBe(200);
    expect(rowWidth(last, gap)).toBeLessThan(width);
    for (const tile of last.tiles) expect(tile.width).toBe(200);
  });

  it("lays tiles left to right with the gap between them", () => {
    for (const row of rows) {
      row.tiles.forEach((tile, offset) => {
        if (offset === 0) expect(tile.x).toBe(0);
        else {
          const previous = row.tiles[offset - 1]!;
          expect(tile.x).toBeCloseTo(previous.x + previous.width + gap, 6);
        }
      });
    }
  });

  it("clamps extreme ratios so a panorama or a strip cannot break a row", () => {
    const extreme = justifiedRows({ ratios: [40, 0.01, 1, 1, 1, 1], width, targetHeight: 200 });
    const tiles = extreme.flatMap((row) => row.tiles.map((tile) => ({ tile, row })));
    const ratioOf = (index: number) => {
      const found = tiles.find(({ tile }) => tile.index === index)!;
      return found.tile.width / found.row.height;
    };
    expect(ratioOf(0)).toBeLessThanOrEqual(MAX_TILE_RATIO + 1e-9);
    expect(ratioOf(1)).toBeGreaterThanOrEqual(MIN_TILE_RATIO - 1e-9);
    for (const { row } of tiles) expect(row.height).toBeGreaterThan(100);
  });

  it("treats a missing or zero ratio as square", () => {
    const rows = justifiedRows({ ratios: [Number.NaN, 0], width: 1000, targetHeight: 200 });
    expect(rows[0]!.tiles.map((tile) => tile.width)).toEqual([200, 200]);
  });

  it("gives one image wider than a phone a row of its own, no wider than the screen", () => {
    const rows = justifiedRows({ ratios: [2.5, 1], width: 320, targetHeight: 140 });
    expect(rows[0]!.tiles).toHaveLength(1);
    expect(rows[0]!.tiles[0]!.width).toBeCloseTo(320, 6);
  });

  it("lays out ten thousand images quickly", () => {
    const many = Array.from({ length: 10_000 }, (_, index) => [1, 1.5, 0.66, 1.78][index % 4]!);
    const started = performance.now();
    const rows = justifiedRows({ ratios: many, width: 1200, targetHeight: 210 });
    expect(performance.now() - started).toBeLessThan(200);
    expect(rows.reduce((total, row) => total + row.tiles.length, 0)).toBe(10_000);
  });
});

describe("the square grid", () => {
  it("has more, smaller tiles for a smaller size", () => {
    expect(columnsFor(1200, "small")).toBeGreaterThan(columnsFor(1200, "medium"));
    expect(columnsFor(1200, "medium")).toBeGreaterThan(columnsFor(1200, "large"));
    expect(columnsFor(320, "medium")).toBe(2);
  });

  it("fills rows of equal square tiles", () => {
    const rows = gridRows({ count: 7, width: 1000, size: "medium" });
    const columns = columnsFor(1000, "medium");
    expect(rows[0]!.tiles).toHaveLength(columns);
    expect(rows[0]!.tiles[0]!.width).toBeCloseTo(rows[0]!.height, 6);
    expect(rowWidth(rows[0]!, gapFor(1000))).toBeCloseTo(1000, 6);
  });
});

describe("moving across rows with the arrow keys", () => {
  // Row 0: a wide tile then a narrow one; row 1: three equal tiles.
  const rows: LayoutRow[] = [
    {
      height: 100,
      tiles: [
        { index: 0, x: 0, width: 600 },
        { index: 1, x: 610, width: 390 },
      ],
    },
    {
      height: 100,
      tiles: [
        { index: 2, x: 0, width: 330 },
        { index: 3, x: 340, width: 320 },
        { index: 4, x: 670, width: 330 },
      ],
    },
  ];

  it("finds the row of a tile", () => {
    expect(rowOfIndex(rows, 0)).toBe(0);
    expect(rowOfIndex(rows, 3)).toBe(1);
    expect(rowOfIndex(rows, 9)).toBe(-1);
  });

  it("goes down to the tile under the middle of the current one", () => {
    expect(verticalNeighbour(rows, 0, 1, 4)).toBe(2);
    expect(verticalNeighbour(rows, 1, 1, 4)).toBe(4);
  });

  it("goes up by the same rule and stays put at the edges", () => {
    expect(verticalNeighbour(rows, 3, -1, 4)).toBe(0);
    expect(verticalNeighbour(rows, 4, -1, 4)).toBe(1);
    expect(verticalNeighbour(rows, 0, -1, 4)).toBe(0);
    expect(verticalNeighbour(rows, 3, 1, 4)).toBe(3);
  });

  it("never lands on a placeholder after the last image", () => {
    expect(verticalNeighbour(rows, 1, 1, 3)).toBe(3);
    expect(verticalNeighbour(rows, 0, 1, 1)).toBe(0);
  });
});
