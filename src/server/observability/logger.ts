import "server-only";
import { getConfig } from "@/server/config/env";

type Level = "debug" | "info" | "warn" | "error";
const ORDER: Record<Level | "silent", number> = {
  debug: 10,
  info: 20,
  warn: 30,
  error: 40,
  silent: 100,
};

// Keys whose values never reach a log line, at any depth.
const SECRET_KEY =
  /pass(word)?|secret|token|api[-_]?key|authorization|cookie|ciphertext|credential|refresh/i;
// Values that look like secrets even under an innocent key.
const SECRET_VALUE =
  /(ais_[A-Za-z0-9_-]{8,}|AIza[0-9A-Za-z_-]{20,}|eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]*|Bearer\s+\S+)/g;

// A Postgres SQLSTATE: five digits or capital letters.
const SQLSTATE = /^[0-9A-Z]{5}$/;

/** What a database error may say in a log: no parameter values, so no message or detail. */
interface DatabaseErrorLog {
  name: string;
  query?: string;
  code?: string;
  constraint?: string;
  table?: string;
  column?: string;
  routine?: string;
}

/**
 * Drizzle's DrizzleQueryError carries the query and its parameters (its message lists them:
 * an email, a password hash); the Postgres error under it says values in `detail` ("Key
 * (email)=(…) already exists") and in some messages ("invalid input syntax for type uuid: …").
 * Only the query text, the SQLSTATE and the names of what failed are kept.
 */
function databaseErrorLog(error: Error): DatabaseErrorLog | null {
  const fields = error as Error & Record<string, unknown>;
  const isDrizzle = typeof fields.query === "string" && Array.isArray(fields.params);
  const isPostgres = typeof fields.code === "string" && SQLSTATE.test(fields.code);
  if (!isDrizzle && !isPostgres) return null;
  const cause =
    fields.cause instanceof Error ? (fields.cause as Error & Record<string, unknown>) : null;
  const source = isPostgres ? fields : (cause ?? {});
  const text = (key: string, ...aliases: string[]) => {
    for (const name of [key, ...aliases]) {
      const item = (source as Record<string, unknown>)[name];
      if (typeof item === "string" && item !== "") return item;
    }
    return undefined;
  };
  const code = text("code");
  return {
    name: error.name,
    ...(isDrizzle ? { query: String(fields.query).slice(0, 2000) } : {}),
    ...(code && SQLSTATE.test(code) ? { code } : {}),
    ...pick("constraint", text("constraint", "constraint_name")),
    ...pick("table", text("table", "table_name")),
    ...pick("column", text("column", "column_name")),
    ...pick("routine", text("routine")),
  };
}

function pick<K extends string>(key: K, value: string | undefined): Partial<Record<K, string>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, string>);
}

/** Copies a value for logging with secrets replaced by "[redacted]". */
export function redact(value: unknown, depth = 0): unknown {
  if (depth > 6) return "[deep]";
  if (typeof value === "string") return value.replace(SECRET_VALUE, "[redacted]");
  if (value instanceof Error) {
    const database = databaseErrorLog(value);
    if (database) return database;
    return {
      name: value.name,
      message: redact(value.message, depth + 1),
      stack: redact(value.stack?.split("\n").slice(0, 6).join("\n"), depth + 1),
      ...(value.cause === undefined ? {} : { cause: redact(value.cause, depth + 1) }),
    };
  }
  if (Array.isArray(value)) return value.slice(0, 50).map((item) => redact(item, depth + 1));
  if (value && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      out[key] = SECRET_KEY.test(key) ? "[redacted]" : redact(item, depth + 1);
    }
    return out;
  }
  return value;
}

function threshold(): number {
  try {
    return ORDER[getConfig().logLevel];
  } catch {
    return ORDER.info;
  }
}

function write(level: Level, message: string, fields?: Record<string, unknown>): void {
  if (ORDER[level] < threshold()) return;
  const line = JSON.stringify({
    level,
    time: new Date().toISOString(),
    msg: message,
    ...(redact(fields ?? {}) as object),
  });
  if (level === "error" || level === "warn") process.stderr.write(`${line}\n`);
  else process.stdout.write(`${line}\n`);
}

/** Structured JSON logs, one line each, secrets redacted. */
export const logger = {
  debug: (message: string, fields?: Record<string, unknown>) => write("debug", message, fields),
  info: (message: string, fields?: Record<string, unknown>) => write("info", message, fields),
  warn: (message: string, fields?: Record<string, unknown>) => write("warn", message, fields),
  error: (message: string, fields?: Record<string, unknown>) => write("error", message, fields),
};
