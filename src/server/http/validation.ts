import "server-only";
import { z } from "zod";
import { AppError } from "./app-error";

/** VALIDATION_ERROR details: one entry per failing field, paths joined with dots. */
export function validationError(error: z.ZodError, where: "body" | "query" | "params"): AppError {
  const issues = error.issues.map((issue) => ({
    path: issue.path.map(String).join("."),
    message: issue.message,
  }));
  const first = issues[0];
  const message = first
    ? `Invalid ${where}: ${first.path ? `${first.path}: ` : ""}${first.message}`
    : `Invalid ${where}.`;
  return new AppError("VALIDATION_ERROR", message, { issues });
}

export function parseWith<T>(
  schema: z.ZodType<T>,
  value: unknown,
  where: "body" | "query" | "params",
): T {
  const result = schema.safeParse(value);
  if (!result.success) throw validationError(result.error, where);
  return result.data;
}
