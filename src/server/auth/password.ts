import { hash, verify } from "@node-rs/argon2";

// argon2id with the library's defaults (memory-hard); only the hash is ever stored.
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

// Verifies against a dummy hash when the account does not exist, so response time does not
// tell an attacker which emails have accounts.
let dummyHash: Promise<string> | undefined;
export async function verifyPassword(passwordHash: string | null | undefined, password: string): Promise<boolean> {
  try {
    const ok = await verify(passwordHash ?? (await (dummyHash ??= hash("no account has this password"))), password);
    return ok && !!passwordHash;
  } catch {
    return false;
  }
}
