import "server-only";
import { crc32 } from "node:zlib";

/**
 * A ZIP written in parts that need not live in one process: each entry is stored (WebP is
 * already compressed) with its size and CRC in the local header, so a part's bytes depend only
 * on its entries and on the offset it starts at. The central directory is made of the records
 * each part returns, followed by the end record. No ZIP64: an archive stays under 4 GiB and
 * 65,535 entries (checked by the caller with ZIP_LIMITS).
 */

export const ZIP_LIMITS = { bytes: 0xffffffff, entries: 0xffff } as const;

const UTF8_NAMES = 0x0800;
const VERSION = 20;
const encoder = new TextEncoder();

/** MS-DOS time and date (UTC, two-second steps, 1980 at the earliest), as ZIP stores them. */
function dosDateTime(at: Date): { time: number; date: number } {
  const year = Math.max(1980, at.getUTCFullYear());
  return {
    time: (at.getUTCHours() << 11) | (at.getUTCMinutes() << 5) | (at.getUTCSeconds() >> 1),
    date: ((year - 1980) << 9) | ((at.getUTCMonth() + 1) << 5) | at.getUTCDate(),
  };
}

export interface ZipEntryBytes {
  /** The local header followed by the data. */
  local: Uint8Array;
  /** This entry's record for the central directory. */
  directory: Uint8Array;
}

/** One stored entry that starts `offset` bytes into the archive. */
export function zipEntry(
  name: string,
  data: Uint8Array,
  mtime: Date,
  offset: number,
): ZipEntryBytes {
  const nameBytes = encoder.encode(name);
  const { time, date } = dosDateTime(mtime);
  const crc = crc32(data) >>> 0;

  const local = new Uint8Array(30 + nameBytes.length + data.length);
  const head = new DataView(local.buffer);
  head.setUint32(0, 0x04034b50, true);
  head.setUint16(4, VERSION, true);
  head.setUint16(6, UTF8_NAMES, true);
  head.setUint16(8, 0, true); // stored
  head.setUint16(10, time, true);
  head.setUint16(12, date, true);
  head.setUint32(14, crc, true);
  head.setUint32(18, data.length, true);
  head.setUint32(22, data.length, true);
  head.setUint16(26, nameBytes.length, true);
  head.setUint16(28, 0, true);
  local.set(nameBytes, 30);
  local.set(data, 30 + nameBytes.length);

  const directory = new Uint8Array(46 + nameBytes.length);
  const record = new DataView(directory.buffer);
  record.setUint32(0, 0x02014b50, true);
  record.setUint16(4, VERSION, true);
  record.setUint16(6, VERSION, true);
  record.setUint16(8, UTF8_NAMES, true);
  record.setUint16(10, 0, true);
  record.setUint16(12, time, true);
  record.setUint16(14, date, true);
  record.setUint32(16, crc, true);
  record.setUint32(20, data.length, true);
  record.setUint32(24, data.length, true);
  record.setUint16(28, nameBytes.length, true);
  // extra length, comment length, disk, internal and external attributes: all zero
  record.setUint32(42, offset, true);
  directory.set(nameBytes, 46);
  return { local, directory };
}

/** The end of central directory record, for `entries` records of `size` bytes at `offset`. */
export function zipEnd(entries: number, size: number, offset: number): Uint8Array {
  const end = new Uint8Array(22);
  const view = new DataView(end.buffer);
  view.setUint32(0, 0x06054b50, true);
  view.setUint16(8, entries, true);
  view.setUint16(10, entries, true);
  view.setUint32(12, size, true);
  view.setUint32(16, offset, true);
  return end;
}

/** Joins byte arrays into one. */
export function concatBytes(chunks: readonly Uint8Array[]): Uint8Array {
  const total = chunks.reduce((sum, chunk) => sum + chunk.length, 0);
  const joined = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    joined.set(chunk, at);
    at += chunk.length;
  }
  return joined;
}
