/** One dispatched server-sent event. */
export interface SseMessage {
  event: string;
  data: string;
}

export interface SseParser {
  /** Feeds decoded text; returns the events completed by it, in order. */
  push(text: string): SseMessage[];
}

/**
 * An incremental `text/event-stream` parser (the WHATWG rules that matter here): lines end in
 * LF, CR or CRLF, `:` starts a comment (`: keep-alive`), a blank line dispatches the event,
 * several `data:` lines join with "\n". An event cut off by the end of the stream is dropped.
 */
export function createSseParser(): SseParser {
  let buffer = "";
  let eventName = "";
  let dataLines: string[] = [];

  function takeLine(line: string, out: SseMessage[]) {
    if (line === "") {
      if (dataLines.length > 0)
        out.push({ event: eventName || "message", data: dataLines.join("\n") });
      eventName = "";
      dataLines = [];
      return;
    }
    if (line.startsWith(":")) return;
    const colon = line.indexOf(":");
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? "" : line.slice(colon + 1);
    if (value.startsWith(" ")) value = value.slice(1);
    if (field === "event") eventName = value;
    else if (field === "data") dataLines.push(value);
  }

  return {
    push(text) {
      buffer += text;
      const out: SseMessage[] = [];
      for (;;) {
        const match = /\r\n|\r|\n/.exec(buffer);
        if (!match) break;
        // A CR at the very end may be the first half of a CRLF split across chunks.
        if (match[0] === "\r" && match.index === buffer.length - 1) break;
        takeLine(buffer.slice(0, match.index), out);
        buffer = buffer.slice(match.index + match[0].length);
      }
      return out;
    },
  };
}
