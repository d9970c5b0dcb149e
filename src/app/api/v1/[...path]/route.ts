import { AppError } from "@/server/http/app-error";
import { defineRoute } from "@/server/http/define-route";

// ANY /api/v1/* — unknown endpoints answer in the envelope, not with an HTML page
const notFound = defineRoute({ access: "public" }, async () => {
  throw new AppError("NOT_FOUND", "No such endpoint.");
});
export {
  notFound as GET,
  notFound as POST,
  notFound as PUT,
  notFound as PATCH,
  notFound as DELETE,
};
