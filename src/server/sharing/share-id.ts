import "server-only";
import { randomInt } from "node:crypto";

const ALPHABET =
  "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ".slice(
    0,
    62,
  );

/** 10 random base62 characters (~59 bits): short enough for a link, far too many to guess. */
export function newShareId(): string {
  let id = "";
  for (let i = 0; i < 10; i++) id += ALPHABET[randomInt(ALPHABET.length)];
  return id;
}
