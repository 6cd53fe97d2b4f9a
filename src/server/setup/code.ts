import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

// The one-time set-up code `npm start` prints while a new server waits for its owner, so that
// nobody else on the network claims it first (as Grafana and Gitea guard their installers).

/** 32 letters and digits without the look-alikes I, O, 0 and 1: read off a log, typed by hand. */
const ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
const LENGTH = 8;

/** A fresh code such as "K7QM-3XPA" (40 random bits; wrong tries are throttled). */
export function newSetupCode(bytes: Uint8Array = randomBytes(LENGTH)): string {
  // 256 is a multiple of 32, so taking each byte modulo 32 favours no character.
  const chars = Array.from(bytes.subarray(0, LENGTH), (byte) => ALPHABET[byte % ALPHABET.length]!);
  if (chars.length < LENGTH) throw new Error(`a set-up code needs ${LENGTH} random bytes`);
  return `${chars.slice(0, 4).join("")}-${chars.slice(4).join("")}`;
}

/**
 * What a person typed, as the code it means: case, spaces and dashes do not matter; null when
 * it cannot be a code at all.
 */
export function normalizeSetupCode(typed: string): string | null {
  const compact = typed.toUpperCase().replace(/[\s-]/g, "");
  if (compact.length !== LENGTH || [...compact].some((char) => !ALPHABET.includes(char))) return null;
  return `${compact.slice(0, 4)}-${compact.slice(4)}`;
}

/** Only this is stored: a copy of the database does not hand out the set-up. */
export function hashSetupCode(code: string): string {
  return createHash("sha256").update(code).digest("hex");
}

/** Compares two hashes in constant time, so response times say nothing about the stored one. */
export function isSameCodeHash(stored: string, offered: string): boolean {
  const a = Buffer.from(stored, "hex");
  const b = Buffer.from(offered, "hex");
  return a.length === b.length && timingSafeEqual(a, b);
}
