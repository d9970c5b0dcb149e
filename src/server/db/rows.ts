/** The rows of `db.execute()`: PGlite returns { rows }, postgres.js an array. One shape for both. */
export function rowsOf<Row>(result: unknown): Row[] {
  if (Array.isArray(result)) return result as Row[];
  return (result as { rows?: Row[] }).rows ?? [];
}
