import { readdirSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { buildOpenApiDocument } from "./openapi-document";

function routeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? routeFiles(join(dir, entry.name))
      : entry.name === "route.ts"
        ? [join(dir, entry.name)]
        : [],
  );
}

describe("OpenAPI document", () => {
  it("describes every /api/v1 route handler file, so the document cannot fall behind the code", () => {
    const root = join(process.cwd(), "src/app/api/v1");
    const documented = new Set(Object.keys(buildOpenApiDocument().paths as object));
    const undocumented = routeFiles(root)
      .map((file) =>
        `/${relative(root, file)}`.replace(/\/route\.ts$/, "").replace(/\[(\w+)\]/g, "{$1}"),
      )
      .filter(
        (path) => !path.includes("[...") && path !== "/openapi.json" && !documented.has(path),
      );
    expect(undocumented).toEqual([]);
  });

  it("turns request schemas into JSON Schema with their limits", () => {
    const document = buildOpenApiDocument() as {
      paths: Record<
        string,
        Record<
          string,
          {
            requestBody?: {
              content: Record<
                string,
                { schema: { properties: Record<string, { maxLength?: number }> } }
              >;
            };
          }
        >
      >;
    };
    const generate =
      document.paths["/images/generate"]!.post!.requestBody!.content["application/json"]!.schema;
    expect(generate.properties.prompt?.maxLength).toBe(1000);
  });
});
