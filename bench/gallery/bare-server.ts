/**
 * The baseline for bench/gallery: a bare node:http server that runs the very same list
 * queries (src/server/gallery/image-list-queries.ts) on the same database, with no framework,
 * no authentication and no envelope beyond JSON.stringify.
 * Run: npx tsx --conditions=react-server bench/gallery/bare-server.ts <DATABASE_URL> <port>
 */
import { createServer } from "node:http";
import { listOwnImageRows, listPublicImageRows } from "../../src/server/gallery/image-list-queries";
import { openPostgresDatabase } from "../../src/server/db/postgres-database";

const [databaseUrl, port = "0"] = process.argv.slice(2);
if (!databaseUrl) throw new Error("usage: bare-server.ts <DATABASE_URL> <port>");
const database = openPostgresDatabase(databaseUrl, { max: 10 });

const server = createServer(async (request, response) => {
  try {
    const url = new URL(request.url ?? "/", "http://bare");
    if (url.pathname === "/unauthorized") {
      response.writeHead(401, { "content-type": "application/json" });
      response.end(JSON.stringify({ success: false, error: { code: "UNAUTHORIZED" } }));
      return;
    }
    const rows =
      url.pathname === "/own"
        ? await listOwnImageRows({
            db: database.db,
            userId: url.searchParams.get("user") ?? "",
            filters: {},
            limit: 30,
            after: null,
          })
        : await listPublicImageRows({
            db: database.db,
            q: url.searchParams.get("q") ?? undefined,
            sort: "newest",
            limit: 30,
            after: null,
          });
    response.writeHead(200, { "content-type": "application/json" });
    response.end(JSON.stringify(rows.slice(0, 30)));
  } catch (error) {
    response.writeHead(500);
    response.end(String(error));
  }
});
server.listen(Number(port), "127.0.0.1", () => {
  const address = server.address();
  process.stdout.write(
    `listening ${typeof address === "object" && address ? address.port : port}\n`,
  );
});
