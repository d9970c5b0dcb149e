/** GET /api/v1/retention (src/server/retention/image-retention.ts). */
export interface RetentionImage {
  id: string;
  prompt: string;
  createdAt: string;
  /** When it is removed unless kept (ISO 8601). */
  dueAt: string;
  thumbnailUrl: string;
}

export interface RetentionOverview {
  /** The studio's retention in days; null: private images are kept (nothing is listed). */
  retentionDays: number | null;
  /** The notice comes this many days ahead. */
  noticeDays: number;
  /** What will go, soonest first: the images the owner was told about. */
  images: RetentionImage[];
  /** Images the owner kept. */
  keptCount: number;
}
