"use client";

import { useCursorPages } from "@/lib/api/hooks";
import { fetchApiPage, withCursor } from "@/lib/api/pages";
import type { AdminAuditEntry } from "@/shared/api-types";

export interface AuditFilters {
  actor: string;
  action: string;
  target: string;
  from: string;
  to: string;
}

export const EMPTY_AUDIT_FILTERS: AuditFilters = {
  actor: "",
  action: "",
  target: "",
  from: "",
  to: "",
};

/** The filters as GET /admin/audit's query (empty ones left out). */
export function auditQuery(filters: AuditFilters): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(filters) as [keyof AuditFilters, string][]) {
    if (value.trim()) params.set(name, value.trim());
  }
  return params.toString();
}

/** GET /api/v1/admin/audit with these filters, newest first, page by page. */
export function useAdminAudit(filters: AuditFilters) {
  const query = auditQuery(filters);
  const path = `/api/v1/admin/audit?limit=50${query ? `&${query}` : ""}`;
  return useCursorPages(["admin", "audit", query], (cursor, signal) =>
    fetchApiPage<AdminAuditEntry>(withCursor(path, cursor), { signal }),
  );
}
