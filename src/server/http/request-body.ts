import "server-only";
import { z } from "zod";
import { AppError } from "./app-error";

/** The default limit of a JSON or form body. */
export const DEFAULT_BODY_BYTES = 64 * 1024;

/**
 * The body types a route takes, each with its byte limit. JSON is also how a body with no
 * Content-Type, or one the route does not name, is read (so `curl -d '{…}'` keeps working);
 * multipart sent to a route that does not take it is UNSUPPORTED_MEDIA_TYPE.
 */
export interface BodyKinds {
  json?: { maxBytes?: number };
  /** application/x-www-form-urlencoded */
  form?: { maxBytes?: number };
  /** multipart/form-data; `files` names the fields that may carry files. */
  multipart?: { maxBytes: number; files: readonly string[]; tooLargeMessage?: string };
}

export interface UploadedFile {
  name: string;
  type: string;
  bytes: Uint8Array;
}

/** The files of a multipart body by field name (empty for JSON and forms). */
export type UploadedFiles = Readonly<Record<string, readonly UploadedFile[]>>;

export interface RequestBody {
  /** The body as a plain value for the route's schema (undefined when there was none). */
  value: unknown;
  files: UploadedFiles;
}

type Kind = keyof BodyKinds;
type Issue = { path: string; message: string };

const KIND_NAMES: Record<Kind, string> = {
  json: "application/json",
  form: "application/x-www-form-urlencoded",
  multipart: "multipart/form-data",
};

function kindOf(contentType: string | null, kinds: BodyKinds): Kind {
  const type = (contentType ?? "").split(";")[0]!.trim().toLowerCase();
  if (type === "multipart/form-data") return "multipart";
  if (type === "application/x-www-form-urlencoded" && kinds.form) return "form";
  return "json";
}

/**
 * The one body reader: JSON, form or multipart as the route allows, never more than the limit
 * of its kind (checked on Content-Length and again while streaming, so a body without one or
 * with a false one is cut off too). Form fields are shaped for the route's schema: see
 * `formFieldsToObject`.
 */
export async function readRequestBody(
  request: Request,
  kinds: BodyKinds,
  schema: z.ZodType,
): Promise<RequestBody> {
  const contentType = request.headers.get("content-type");
  const kind = kindOf(contentType, kinds);
  const options = kinds[kind];
  if (!options) {
    const accepted = (Object.keys(kinds) as Kind[]).map((name) => KIND_NAMES[name]);
    throw new AppError(
      "UNSUPPORTED_MEDIA_TYPE",
      `This endpoint takes ${accepted.join(" or ")}, not ${KIND_NAMES[kind]}.`,
    );
  }
  const maxBytes = options.maxBytes ?? DEFAULT_BODY_BYTES;
  const tooLarge =
    (kind === "multipart" && kinds.multipart?.tooLargeMessage) ||
    `The request body is over ${maxBytes} bytes.`;
  const bytes = await readBoundedBytes(request, maxBytes, tooLarge);

  if (kind === "json") {
    const text = new TextDecoder().decode(bytes);
    if (text.trim() === "") return { value: undefined, files: {} };
    try {
      return { value: JSON.parse(text) as unknown, files: {} };
    } catch {
      throw new AppError("INVALID_JSON", "The request body is not valid JSON.");
    }
  }
  if (kind === "form") {
    const entries = [...new URLSearchParams(new TextDecoder().decode(bytes))];
    return { value: formFieldsToObject(entries, schema), files: {} };
  }

  let form: FormData;
  try {
    form = await new Response(bytes as Uint8Array<ArrayBuffer>, {
      headers: { "content-type": contentType ?? "" },
    }).formData();
  } catch {
    const message = "The form data could not be read.";
    throw new AppError("VALIDATION_ERROR", message, { issues: [{ path: "", message }] });
  }
  const fileFields = new Set(kinds.multipart?.files ?? []);
  const fields: [string, string][] = [];
  const files: Record<string, UploadedFile[]> = {};
  const issues: Issue[] = [];
  for (const [name, value] of form.entries()) {
    if (typeof value === "string") {
      if (!fileFields.has(name)) fields.push([name, value]);
      // An empty text part where a file may go is a form sent without choosing a file.
      else if (value !== "") issues.push({ path: name, message: `${name} must be a file.` });
      continue;
    }
    if (!fileFields.has(name)) {
      issues.push({ path: name, message: `${name} cannot be a file.` });
      continue;
    }
    // Browsers send an empty, nameless file part for a file input left empty.
    if (value.size === 0 && value.name === "") continue;
    (files[name] ??= []).push({
      name: value.name,
      type: value.type,
      bytes: new Uint8Array(await value.arrayBuffer()),
    });
  }
  if (issues.length > 0) throw invalidBody(issues);
  return { value: formFieldsToObject(fields, schema), files };
}

async function readBoundedBytes(
  request: Request,
  maxBytes: number,
  tooLargeMessage: string,
): Promise<Uint8Array> {
  const tooLarge = () => new AppError("PAYLOAD_TOO_LARGE", tooLargeMessage);
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > maxBytes) throw tooLarge();
  if (!request.body) return new Uint8Array(0);
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = request.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

type FieldKind = "string" | "boolean" | "number" | "array";
const fieldKindsCache = new WeakMap<z.ZodType, Record<string, FieldKind>>();

/** The JSON type of each top-level property of an object schema, read from its JSON Schema. */
function fieldKindsOf(schema: z.ZodType): Record<string, FieldKind> {
  const cached = fieldKindsCache.get(schema);
  if (cached) return cached;
  const properties =
    (
      z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as {
        properties?: Record<string, { type?: unknown }>;
      }
    ).properties ?? {};
  const kinds: Record<string, FieldKind> = {};
  for (const [name, property] of Object.entries(properties)) {
    const type = property.type;
    kinds[name] =
      type === "boolean"
        ? "boolean"
        : type === "integer" || type === "number"
          ? "number"
          : type === "array"
            ? "array"
            : "string";
  }
  fieldKindsCache.set(schema, kinds);
  return kinds;
}

const TRUE_VALUES = new Set(["true", "on", "1"]);
const FALSE_VALUES = new Set(["false", "off", "0"]);

/**
 * Form fields (all text) as the object the route's schema expects, by the type of each field
 * in that schema: booleans from true/false, on/off or 1/0; numbers from their digits; arrays
 * from repeated fields (`name` or `name[]`), a JSON array, or comma-separated values. Empty
 * fields are left out. Anything that does not fit is passed on as text for the schema to
 * refuse, so every refusal is the same VALIDATION_ERROR.
 */
export function formFieldsToObject(
  entries: Iterable<[string, string]>,
  schema: z.ZodType,
): Record<string, unknown> {
  const kinds = fieldKindsOf(schema);
  // A Map, so that names like __proto__ are fields like any other, for the schema to refuse.
  const fields = new Map<string, unknown>();
  const issues: Issue[] = [];
  for (const [rawName, value] of entries) {
    const name = rawName.endsWith("[]") ? rawName.slice(0, -2) : rawName;
    if (value === "") continue;
    const kind = Object.hasOwn(kinds, name) ? kinds[name] : "string";
    if (kind === "array") {
      const items = arrayItems(value);
      if (!items) {
        issues.push({
          path: name,
          message: `${name} must be a JSON array or comma-separated values.`,
        });
        continue;
      }
      fields.set(name, [...((fields.get(name) as unknown[] | undefined) ?? []), ...items]);
      continue;
    }
    if (fields.has(name)) {
      issues.push({ path: name, message: `Send ${name} once.` });
      continue;
    }
    fields.set(
      name,
      kind === "boolean"
        ? TRUE_VALUES.has(value)
          ? true
          : FALSE_VALUES.has(value)
            ? false
            : value
        : kind === "number" && /^-?\d+(\.\d+)?$/.test(value.trim())
          ? Number(value)
          : value,
    );
  }
  if (issues.length > 0) throw invalidBody(issues);
  return Object.fromEntries(fields);
}

function arrayItems(value: string): unknown[] | null {
  if (!value.trim().startsWith("[")) {
    return value
      .split(",")
      .map((item) => item.trim())
      .filter((item) => item !== "");
  }
  try {
    const parsed = JSON.parse(value) as unknown;
    return Array.isArray(parsed) ? parsed : null;
  } catch {
    return null;
  }
}

function invalidBody(issues: Issue[]): AppError {
  const [first] = issues;
  return new AppError("VALIDATION_ERROR", `Invalid body: ${first!.path}: ${first!.message}`, {
    issues,
  });
}
