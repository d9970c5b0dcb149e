import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { TYPE, parse, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import { describe, expect, it } from "vitest";
import { CATALOGUES, NAMESPACES } from "./catalogues";

/** The allow-lists, one file per namespace (see src/i18n/allow/README.md). */
const allow = NAMESPACES.map(
  (namespace) =>
    JSON.parse(readFileSync(join(__dirname, "allow", `${namespace}.json`), "utf8")) as {
      sameInBoth: string[];
      computed: Record<string, string>;
    },
);
const SAME_IN_BOTH = allow.flatMap((entry) => entry.sameInBoth);
const COMPUTED_KEY_PREFIXES = Object.assign({}, ...allow.map((entry) => entry.computed)) as Record<
  string,
  string
>;

type Tree = { [key: string]: string | Tree };

function leaves(tree: Tree, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out.set(path, value);
    else for (const [k, v] of leaves(value, path)) out.set(k, v);
  }
  return out;
}

const en = leaves(CATALOGUES.en as unknown as Tree);
const id = leaves(CATALOGUES.id as unknown as Tree);

function argumentsOf(elements: MessageFormatElement[], into = new Set<string>()): Set<string> {
  for (const element of elements) {
    if ("value" in element && element.type === TYPE.argument) into.add(element.value);
    if (element.type === TYPE.number || element.type === TYPE.date || element.type === TYPE.time) {
      into.add(element.value);
    }
    if (element.type === TYPE.plural || element.type === TYPE.select) {
      into.add(element.value);
      for (const option of Object.values(element.options)) argumentsOf(option.value, into);
    }
    if (element.type === TYPE.tag) {
      into.add(`<${element.value}>`);
      argumentsOf(element.children, into);
    }
  }
  return into;
}

function sourceFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      if (name !== "messages" && name !== "node_modules") sourceFiles(path, out);
    } else if (/\.(ts|tsx)$/.test(name) && !/\.test\.ts$/.test(name)) out.push(path);
  }
  return out;
}

describe("message catalogues", () => {
  it("English and Indonesian have exactly the same keys in every namespace", () => {
    expect(NAMESPACES.length).toBeGreaterThan(0);
    const onlyEn = [...en.keys()].filter((key) => !id.has(key));
    const onlyId = [...id.keys()].filter((key) => !en.has(key));
    expect({ onlyEn, onlyId }).toEqual({ onlyEn: [], onlyId: [] });
  });

  it("has no empty message in either language", () => {
    const empty = [...en, ...id].filter(([, value]) => value.trim() === "").map(([key]) => key);
    expect(empty).toEqual([]);
  });

  it("translates every message, except the short allow-list of words both languages share", () => {
    const same = [...en]
      .filter(([key, value]) => id.get(key) === value)
      // Nothing to translate in a message of placeholders, numbers and punctuation.
      .filter(([, value]) => /\p{L}/u.test(value.replace(/\{[^{}]*\}/g, "")))
      .map(([key]) => key)
      .filter((key) => !SAME_IN_BOTH.includes(key));
    expect(same).toEqual([]);
    const stale = SAME_IN_BOTH.filter((key) => !en.has(key) || en.get(key) !== id.get(key));
    expect(stale, "allow-listed keys that are gone or now translated").toEqual([]);
  });

  it("parses every message as ICU and gives both languages the same placeholders", () => {
    const problems: string[] = [];
    for (const [key, value] of en) {
      try {
        const enArgs = [...argumentsOf(parse(value))].sort();
        const idArgs = [...argumentsOf(parse(id.get(key) ?? ""))].sort();
        if (enArgs.join() !== idArgs.join()) {
          problems.push(`${key}: en {${enArgs.join()}} vs id {${idArgs.join()}}`);
        }
      } catch (error) {
        problems.push(`${key}: ${(error as Error).message}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it("uses every key somewhere in the source", () => {
    const root = join(process.cwd(), "src");
    const literals = new Set<string>();
    for (const file of sourceFiles(root)) {
      const text = readFileSync(file, "utf8");
      for (const match of text.matchAll(/"([^"\\\n]*)"|'([^'\\\n]*)'|`([^`\\$\n]*)`/g)) {
        literals.add(match[1] ?? match[2] ?? match[3] ?? "");
      }
    }
    const unused = [...en.keys()].filter((key) => {
      if (Object.keys(COMPUTED_KEY_PREFIXES).some((prefix) => key.startsWith(prefix))) {
        return false;
      }
      const parts = key.split(".");
      // t("a.b") under useTranslations("ns"), or t("b") under useTranslations("ns.a"), …
      for (let at = 1; at < parts.length; at += 1) {
        const scope = parts.slice(0, at).join(".");
        const rest = parts.slice(at).join(".");
        if (literals.has(scope) && literals.has(rest)) return false;
      }
      return true;
    });
    expect(unused.map((key) => key)).toEqual([]);
    expect(relative(process.cwd(), root)).toBe("src");
  });
});
