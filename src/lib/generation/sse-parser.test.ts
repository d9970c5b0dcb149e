import { describe, expect, it } from "vitest";
import { createSseParser } from "./sse-parser";

describe("createSseParser", () => {
  it("dispatches an event on the blank line and skips comment lines", () => {
    const parser = createSseParser();
    expect(parser.push(": keep-alive\n\n")).toEqual([]);
    expect(parser.push('event: progress\ndata: {"stage":"queued","percent":0}\n\n')).toEqual([
      { event: "progress", data: '{"stage":"queued","percent":0}' },
    ]);
  });

  it("joins an event split across chunks, even mid-line and mid-CRLF", () => {
    const parser = createSseParser();
    expect(parser.push("event: do")).toEqual([]);
    expect(parser.push("ne\r")).toEqual([]);
    expect(parser.push('\ndata: {"a"')).toEqual([]);
    expect(parser.push(":1}\r\n\r")).toEqual([]);
    expect(parser.push("\n")).toEqual([{ event: "done", data: '{"a":1}' }]);
  });

  it("joins several data lines with a newline and defaults the event name", () => {
    const parser = createSseParser();
    expect(parser.push("data: one\ndata:two\n\n")).toEqual([
      { event: "message", data: "one\ntwo" },
    ]);
  });

  it("ignores an event with no data and resets the name after each dispatch", () => {
    const parser = createSseParser();
    expect(parser.push("event: progress\n\ndata: x\n\n")).toEqual([
      { event: "message", data: "x" },
    ]);
  });

  it("keeps an unfinished event back until its blank line arrives", () => {
    const parser = createSseParser();
    expect(parser.push("event: error\ndata: {}\n")).toEqual([]);
    expect(parser.push("\n")).toEqual([{ event: "error", data: "{}" }]);
  });
});
