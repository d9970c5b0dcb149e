import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { AppError } from "@/server/http/app-error";
import { deriveKey } from "@/server/security/tokens";

/**
 * Opaque keyset cursors: the last row's sort key and id, signed so that a tampered or
 * forged cursor is refused with VALIDATION_ERROR instead of silently skipping rows.
 * Timestamps travel as Postgres text with microseconds: JavaScript dates would round them
 * to milliseconds and skip or repeat rows created within the same millisecond.
 */
export interface CursorPosition {
  /** the sort value of the last row: a timestamp text or a number */
  sort: string | number;
  id: string;
  /** which list the cursor belongs to, so one list's cursor is not used on another */
  scope: string;
}

export interface CursorCodec {
  encode(position: CursorPosition): string;
  decode(cursor: string, scope: string): CursorPosition;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

export function createCursorCodec(appSecret: string): CursorCodec {
  const key = deriveKey(appSecret, "gallery-cursor");
  const sign = (payload: string) =>
    createHmac("sha256", key).update(payload).digest().subarray(0, 12);
  const invalid = () =>
    new AppError("VALIDATION_ERROR", "The cursor is not valid. Start again from the first page.", {
      issues: [{ path: "cursor", message: "not a cursor this list issued" }],
    });

  return {
    encode(position) {
      const payload = Buffer.from(
        JSON.stringify([position.scope, position.sort, position.id]),
      ).toString("base64url");
      return `${payload}.${sign(payload).toString("base64url")}`;
    },
    decode(cursor, scope) {
      const [payload, signature] = cursor.split(".");
      if (!payload || !signature) throw invalid();
      const expected = sign(payload);
      const given = Buffer.from(signature, "base64url");
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw invalid();
      let parsed: unknown;
      try {
        parsed = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
      } catch {
        throw invalid();
      }
      if (!Array.isArray(parsed) || parsed.length !== 3) throw invalid();
      const [cursorScope, sort, id] = parsed as unknown[];
      if (cursorScope !== scope || typeof id !== "string" || !UUID.test(id)) throw invalid();
      if (
        !(typeof sort === "number" && Number.isInteger(sort)) &&
        !(typeof sort === "string" && TIMESTAMP.test(sort))
      )
        throw invalid();
      return { scope, sort, id };
    },
  };
}
