/**
 * First-load JavaScript per route, read from a build's app-build-manifest.json: the gzipped
 * size (level 9, as `next build` measures) of the scripts a first visit to the route loads.
 *
 * Two figures per route. `next` is what `next build` prints as "First Load JS": the files of
 * the page's own entry. `withLayouts` adds the chunks of every segment above it (layouts,
 * error and loading boundaries, not-found), which the browser loads too; it is the honest
 * figure, and the one a route must keep under the budget.
 *
 * Run: npx tsx bench/lighthouse/first-load-js.ts [distDir=.next-e2e]
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

export interface RouteScripts {
  /** The URL path, route groups removed: `/gallery`, `/s/i/[shareId]`. */
  route: string;
  /** Next's own figure (the page entry's files), in kB (1000 bytes, as Next prints). */
  next: number;
  /** The page and every segment above it, in kB. */
  withLayouts: number;
  files: string[];
}

/** The manifest's page key (`/(app)/gallery/page`) as the URL path it serves (`/gallery`). */
export function routeOfPageKey(key: string): string {
  const path = key
    .replace(/\/page$/, "")
    .split("/")
    .filter((segment) => segment !== "" && !/^\(.*\)$/.test(segment))
    .join("/");
  return `/${path}`;
}

export function firstLoadJs(distDir: string): RouteScripts[] {
  const manifest = JSON.parse(readFileSync(join(distDir, "app-build-manifest.json"), "utf8")) as {
    pages: Record<string, string[]>;
  };
  const sizes = new Map<string, number>();
  const gzipped = (file: string) => {
    let size = sizes.get(file);
    if (size === undefined) {
      size = gzipSync(readFileSync(join(distDir, file)), { level: 9 }).length;
      sizes.set(file, size);
    }
    return size;
  };
  const kB = (files: Iterable<string>) =>
    Math.round([...files].reduce((sum, file) => sum + gzipped(file), 0) / 100) / 10;
  const scripts = (key: string) => (manifest.pages[key] ?? []).filter((f) => f.endsWith(".js"));

  const routes: RouteScripts[] = [];
  for (const key of Object.keys(manifest.pages)) {
    if (!key.endsWith("/page") || key.startsWith("/_")) continue;
    const own = scripts(key);
    const all = new Set(own);
    // Every segment from the root down to the page's folder: its layout and boundaries.
    const segments = key.split("/").slice(1, -1);
    for (let depth = 0; depth <= segments.length; depth++) {
      const folder = segments.slice(0, depth).join("/");
      for (const kind of ["layout", "template", "error", "loading", "not-found"]) {
        for (const file of scripts(`${folder ? `/${folder}` : ""}/${kind}`)) all.add(file);
      }
    }
    routes.push({
      route: routeOfPageKey(key),
      next: kB(own),
      withLayouts: kB(all),
      files: [...all],
    });
  }
  return routes.sort((a, b) => a.route.localeCompare(b.route));
}

/** The largest scripts of a route, for finding what to cut. */
export function largestFiles(distDir: string, files: string[], count = 5) {
  return files
    .map((file) => ({
      file,
      kB: Math.round(gzipSync(readFileSync(join(distDir, file)), { level: 9 }).length / 100) / 10,
    }))
    .sort((a, b) => b.kB - a.kB)
    .slice(0, count);
}

if (process.argv[1]?.endsWith("first-load-js.ts")) {
  const distDir = process.argv[2] ?? ".next-e2e";
  console.log(`first-load JS (gzip) from ${distDir}/app-build-manifest.json`);
  console.log(`${"route".padEnd(28)} ${"next".padStart(8)} ${"+layouts".padStart(9)}`);
  for (const { route, next, withLayouts } of firstLoadJs(distDir)) {
    console.log(
      `${route.padEnd(28)} ${`${next} kB`.padStart(8)} ${`${withLayouts} kB`.padStart(9)}`,
    );
  }
}
