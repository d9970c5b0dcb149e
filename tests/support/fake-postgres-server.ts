import { EventEmitter } from "node:events";
import { createServer, type AddressInfo, type Socket } from "node:net";

/**
 * A local stand-in for a PostgreSQL server speaking just enough of the wire protocol (v3) for
 * postgres.js to connect without a password, run statements that return no rows, and lose its
 * connections the ways a real server loses them:
 *   - `terminateConnections()`: FATAL 57P01 and a clean close (FIN), as pg_terminate_backend;
 *   - `resetConnections()`: a TCP reset (RST), as a failover or a dead network path;
 *   - `dropDatabase()`: the above, and every later connection refused with FATAL 3D000, as
 *     `drop database … with (force)`.
 * A statement that names `pg_sleep` never answers (it stays in flight until the connection is
 * lost); `waitForQueriesInFlight(n)` resolves once n of them are. Not a database: every other
 * statement succeeds with no rows.
 */
export interface FakePostgresServer {
  url: string;
  waitForQueriesInFlight(count: number): Promise<void>;
  terminateConnections(): Promise<void>;
  resetConnections(): Promise<void>;
  dropDatabase(): Promise<void>;
  close(): Promise<void>;
}

const SSL_REQUEST = 80877103;
const CANCEL_REQUEST = 80877102;

export async function startFakePostgresServer(): Promise<FakePostgresServer> {
  const sockets = new Set<Socket>();
  const events = new EventEmitter();
  let inFlight = 0;
  let dropped = false;

  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    socket.on("error", () => undefined);
    let buffer = Buffer.alloc(0);
    let started = false;
    let holding = false;
    let status = "I";
    const statements = new Map<string, { text: string; parameters: number }>();
    let bound = "";

    socket.on("data", (data) => {
      buffer = Buffer.concat([buffer, data]);
      for (;;) {
        if (!started) {
          if (buffer.length < 8) return;
          const length = buffer.readInt32BE(0);
          if (buffer.length < length) return;
          const code = buffer.readInt32BE(4);
          buffer = buffer.subarray(length);
          if (code === SSL_REQUEST) {
            socket.write("N");
            continue;
          }
          if (code === CANCEL_REQUEST) return void socket.end();
          started = true;
          if (dropped) {
            socket.end(fatal("3D000", "database does not exist"));
            return;
          }
          socket.write(
            Buffer.concat([
              message("R", int32(0)),
              message("K", Buffer.concat([int32(process.pid), int32(1)])),
              message("Z", Buffer.from(status)),
            ]),
          );
          continue;
        }
        if (buffer.length < 5) return;
        const length = buffer.readInt32BE(1);
        if (buffer.length < length + 1) return;
        const type = String.fromCharCode(buffer[0]!);
        const body = buffer.subarray(5, length + 1);
        buffer = buffer.subarray(length + 1);
        if (holding) continue;
        answer(type, body);
      }
    });

    function answer(type: string, body: Buffer) {
      switch (type) {
        case "P": {
          const { strings, end } = cstrings(body, 2);
          statements.set(strings[0]!, { text: strings[1]!, parameters: body.readInt16BE(end) });
          return void socket.write(message("1"));
        }
        case "B": {
          bound = cstrings(body, 2).strings[1]!;
          return void socket.write(message("2"));
        }
        case "D": {
          if (String.fromCharCode(body[0]!) !== "S") return void socket.write(message("n"));
          const name = cstrings(body.subarray(1), 1).strings[0]!;
          const parameters = statements.get(name)?.parameters ?? 0;
          const types = Buffer.concat(Array.from({ length: parameters }, () => int32(25)));
          return void socket.write(
            Buffer.concat([message("t", Buffer.concat([int16(parameters), types])), message("n")]),
          );
        }
        case "E":
          return void execute(statements.get(bound)?.text ?? "");
        case "Q": // the simple protocol: postgres.js's `unsafe` without parameters
          if (execute(cstrings(body, 1).strings[0]!))
            socket.write(message("Z", Buffer.from(status)));
          return;
        case "S":
          return void socket.write(message("Z", Buffer.from(status)));
        case "C":
          return void socket.write(message("3"));
        case "X":
          return void socket.end();
        default:
          return; // Flush (H) and anything else: every answer is already sent.
      }
    }

    /** Answers the statement's completion, or holds it (and the connection): false. */
    function execute(text: string): boolean {
      if (/pg_sleep/i.test(text)) {
        holding = true;
        inFlight++;
        socket.once("close", () => inFlight--);
        events.emit("in-flight");
        return false;
      }
      if (/^\s*begin\b/i.test(text)) status = "T";
      else if (/^\s*(commit|rollback)\s*$/i.test(text)) status = "I";
      socket.write(message("C", cstring(tagOf(text))));
      return true;
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  const cutAll = (cut: (socket: Socket) => void) =>
    Promise.all(
      [...sockets].map(
        (socket) =>
          new Promise<void>((resolve) => {
            socket.once("close", () => resolve());
            cut(socket);
          }),
      ),
    ).then(() => undefined);

  const terminateConnections = () =>
    cutAll((socket) =>
      socket.end(fatal("57P01", "terminating connection due to administrator command")),
    );

  return {
    url: `postgres://fake@127.0.0.1:${port}/fake`,
    async waitForQueriesInFlight(count) {
      while (inFlight < count) await new Promise((resolve) => events.once("in-flight", resolve));
    },
    terminateConnections,
    resetConnections: () => cutAll((socket) => socket.resetAndDestroy()),
    async dropDatabase() {
      dropped = true;
      await terminateConnections();
    },
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function tagOf(text: string): string {
  const word = (text.trim().split(/\s+/)[0] ?? "").toUpperCase();
  return word === "SELECT" ? "SELECT 0" : word;
}

function message(type: string, body: Buffer = Buffer.alloc(0)): Buffer {
  const header = Buffer.alloc(5);
  header.write(type, 0, "latin1");
  header.writeInt32BE(body.length + 4, 1);
  return Buffer.concat([header, body]);
}

function fatal(code: string, text: string): Buffer {
  return message(
    "E",
    Buffer.concat([
      cstring("SFATAL"),
      cstring("VFATAL"),
      cstring(`C${code}`),
      cstring(`M${text}`),
      Buffer.from([0]),
    ]),
  );
}

/** The first `count` NUL-terminated strings of `body`, and the offset after them. */
function cstrings(body: Buffer, count: number): { strings: string[]; end: number } {
  const strings: string[] = [];
  let end = 0;
  for (let index = 0; index < count; index++) {
    const nul = body.indexOf(0, end);
    strings.push(body.toString("utf8", end, nul));
    end = nul + 1;
  }
  return { strings, end };
}

const cstring = (text: string) => Buffer.from(`${text}\0`);
const int32 = (value: number) => {
  const buffer = Buffer.alloc(4);
  buffer.writeInt32BE(value);
  return buffer;
};
const int16 = (value: number) => {
  const buffer = Buffer.alloc(2);
  buffer.writeInt16BE(value);
  return buffer;
};
