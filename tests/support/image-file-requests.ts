import * as fileRoute from "@/app/api/v1/images/[id]/files/[variant]/route";
import type { ApiCaller } from "./api-caller";
import { seedImagesWithFiles } from "./seed-image-files";
import type { SignedUp } from "./sign-up";
import type { TestStudio } from "./test-services";

/** GET /api/v1/images/:id/files/:variant as this caller, raw (status, headers, body). */
export const requestImageFile = (
  caller: ApiCaller,
  id: string,
  variant: string,
  headers?: Record<string, string>,
) =>
  caller.raw(fileRoute.GET, {
    path: `/api/v1/images/${id}/files/${variant}`,
    params: { id, variant },
    headers,
  });

/** One image of this owner with its files in the studio's object store; returns its id. */
export async function seedOneImageWithFiles(
  studio: TestStudio,
  owner: SignedUp,
  isPublic: boolean,
): Promise<string> {
  const [id] = await seedImagesWithFiles(studio, {
    userId: owner.user.id,
    count: 1,
    isPublic: () => isPublic,
  });
  return id!;
}
