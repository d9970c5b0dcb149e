import "server-only";
import { TEMPLATE_PREVIEW_MAX_BYTES } from "@/shared/template-rules";
import type { BodyKinds, UploadedFiles } from "@/server/http/request-body";
import { AppError } from "@/server/http/app-error";
import type { PreviewUpload } from "./templates-admin";

/** Create and edit take JSON, or multipart with the same fields and a `preview` file. */
export const TEMPLATE_BODY_KINDS: BodyKinds = {
  json: {},
  multipart: {
    maxBytes: TEMPLATE_PREVIEW_MAX_BYTES + 64 * 1024,
    files: ["preview"],
    tooLargeMessage: "The preview is over 10 MB. Choose a smaller one.",
  },
};

/** The one `preview` file of a multipart body, or null. */
export function uploadedPreview(files: UploadedFiles): PreviewUpload | null {
  const sent = files.preview ?? [];
  if (sent.length > 1) {
    throw new AppError("VALIDATION_ERROR", "Send one preview file.", {
      issues: [{ path: "preview", message: "Send one preview file." }],
    });
  }
  return sent[0] ? { bytes: sent[0].bytes } : null;
}
