import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, normalize } from "node:path";
import { describe, expect, it } from "vitest";
import { BASE_NAMESPACES, IMAGE_DETAIL_NAMESPACES } from "./base-namespaces";

/** The shared lists a page may spread into its own (`...IMAGE_DETAIL_NAMESPACES`). */
const SHARED_LISTS: Record<string, readonly string[]> = { IMAGE_DETAIL_NAMESPACES };

/**
 * A page hands its client components only the messages it names in <IntlMessages> (a whole
 * namespace or a part of one). A component that reads a namespace the page did not name shows
 * the key instead of the text, and only when someone opens that corner of the page. This test
 * follows the imports of every page and layout that names its messages, collects every
 * `useTranslations("…")` those components can reach, and checks each is covered.
 */

const SOURCE_EXTENSIONS = [".tsx", ".ts", "/index.tsx", "/index.ts"];

function resolveImport(from: string, specifier: string): string | null {
  let base: string;
  if (specifier.startsWith("@/")) base = join("src", specifier.slice(2));
  else if (specifier.startsWith(".")) base = normalize(join(dirname(from), specifier));
  else return null;
  for (const extension of SOURCE_EXTENSIONS) {
    if (existsSync(base + extension)) return base + extension;
  }
  return null;
}

/** Every `useTranslations` namespace reachable from these files through their imports. */
function namespacesReachedFrom(entries: string[]): Map<string, string> {
  const reached = new Map<string, string>();
  const seen = new Set<string>();
  const stack = [...entries];
  while (stack.length > 0) {
    const file = stack.pop()!;
    if (seen.has(file) || file.startsWith(join("src", "server"))) continue;
    seen.add(file);
    const source = readFileSync(file, "utf8");
    for (const match of source.matchAll(/(?:from|import)\s*\(?\s*["']([^"']+)["']/g)) {
      const target = resolveImport(file, match[1]!);
      if (target && !target.endsWith(".test.ts")) stack.push(target);
    }
    for (const match of source.matchAll(/useTranslations\(\s*["']([^"']+)["']/g)) {
      if (!reached.has(match[1]!)) reached.set(match[1]!, file);
    }
  }
  return reached;
}

function filesUnder(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? filesUnder(join(folder, entry.name))
      : /^(page|layout)\.tsx$/.test(entry.name)
        ? [join(folder, entry.name)]
        : [],
  );
}

const pagesNamingMessages = filesUnder(join("src", "app")).flatMap((file) => {
  const source = readFileSync(file, "utf8");
  const list = /<IntlMessages\s+namespaces=\{\[([^\]]*)\]\}/.exec(source);
  if (!list) return [];
  const named = [
    ...[...list[1]!.matchAll(/"([^"]+)"/g)].map((match) => match[1]!),
    ...[...list[1]!.matchAll(/\.\.\.(\w+)/g)].flatMap((match) => {
      const shared = SHARED_LISTS[match[1]!];
      if (!shared) throw new Error(`${file}: unknown list ${match[1]} in <IntlMessages>`);
      return shared;
    }),
  ];
  const components = [...source.matchAll(/from\s+"(@\/components\/[^"]+)"/g)]
    .map((match) => resolveImport(file, match[1]!))
    .filter((target): target is string => target !== null);
  return [{ file, named: [...BASE_NAMESPACES, ...named], components }];
});

describe("the messages each page hands its client components", () => {
  it("finds the pages that name their messages", () => {
    expect(pagesNamingMessages.map((page) => page.file)).toEqual(
      expect.arrayContaining([
        join("src", "app", "(app)", "gallery", "page.tsx"),
        join("src", "app", "(app)", "images", "[id]", "page.tsx"),
      ]),
    );
  });

  it.each(pagesNamingMessages.map((page) => [page.file, page] as const))(
    "%s names every namespace its components read",
    (_file, page) => {
      const covered = (used: string) =>
        page.named.some((name) => used === name || used.startsWith(`${name}.`));
      const missing = [...namespacesReachedFrom(page.components)]
        .filter(([used]) => !covered(used))
        .map(([used, where]) => `${used} (read in ${where})`);
      expect(missing).toEqual([]);
    },
  );
});
