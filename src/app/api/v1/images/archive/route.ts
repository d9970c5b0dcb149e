import type { NextRequest } from "next/server";
import { archiveInputSchema } from "@/shared/schemas/gallery";
import { streamZipArchive } from "@/server/gallery/zip-archive";
import { AppError } from "@/server/http/app-error";
import { defineRoute } from "@/server/http/define-route";
import { parseWith } from "@/server/http/validation";

async function readArchiveInput(request: NextRequest) {
  const type = request.headers.get("content-type") ?? "";
  const text = await request.text();
  if (text.length > 64 * 1024)
    throw new AppError("PAYLOAD_TOO_LARGE", "The request body is too large.");
  if (type.startsWith("application/x-www-form-urlencoded")) {
    // A plain form post, so the browser downloads the stream itself instead of buffering it.
    const form = new URLSearchParams(text);
    const size = form.get("size");
    return parseWith(
      archiveInputSchema,
      {
        imageIds: (form.get("imageIds") ?? "").split(",").filter(Boolean),
        ...(size ? { size } : {}),
      },
      "body",
    );
  }
  try {
    return parseWith(archiveInputSchema, JSON.parse(text || "null"), "body");
  } catch (error) {
    if (error instanceof SyntaxError)
      throw new AppError("INVALID_JSON", "The request body is not valid JSON.");
    throw error;
  }
}

// POST /api/v1/images/archive — many own images as one ZIP, streamed
export const POST = defineRoute({ access: "user", scope: "images:read" }, async (ctx) => {
  const input = await readArchiveInput(ctx.request);
  const rows = await ctx.services.gallery.archiveRows({
    userId: ctx.identity.userId,
    ids: input.imageIds,
  });
  if (rows.length === 0) throw new AppError("NOT_FOUND", "None of those images were found.");
  const stamp = new Date().toISOString().slice(0, 10);
  return new Response(
    streamZipArchive({ rows, variant: input.size, objectStore: ctx.services.objectStore }),
    {
      headers: {
        "content-type": "application/zip",
        "content-disposition": `attachment; filename="ai-image-studio-${stamp}-${rows.length}-images.zip"`,
        "cache-control": "private, no-store",
      },
    },
  );
});

export const maxDuration = 300;
