import fs from "node:fs";
import path from "node:path";
import webpush from "web-push";
import { env, type Env } from "@/env";

export type VapidKeys = { publicKey: string; privateKey: string; subject: string };

const DEFAULT_SUBJECT = "mailto:no-reply@stride.localhost";

// Kept like the auth secret (env.ts resolveAuthSecret): the environment's pair when set, else a
// pair generated at first start into the data folder and reused, so devices stay subscribed
// across restarts (a new key would orphan every subscription).
export function resolveVapidKeys(e: Env = env()): VapidKeys {
  const subject = e.VAPID_SUBJECT ?? DEFAULT_SUBJECT;
  if (e.VAPID_PUBLIC_KEY && e.VAPID_PRIVATE_KEY) return { publicKey: e.VAPID_PUBLIC_KEY, privateKey: e.VAPID_PRIVATE_KEY, subject };
  const file = path.join(e.dataDir, "vapid-keys.json");
  try {
    const kept = JSON.parse(fs.readFileSync(file, "utf8")) as { publicKey: string; privateKey: string };
    return { publicKey: kept.publicKey, privateKey: kept.privateKey, subject };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    fs.mkdirSync(e.dataDir, { recursive: true });
    const keys = webpush.generateVAPIDKeys();
    try {
      fs.writeFileSync(file, JSON.stringify(keys), { mode: 0o600, flag: "wx" });
    } catch (raced) {
      // Another process wrote it first: theirs stands.
      if ((raced as NodeJS.ErrnoException).code === "EEXIST") return resolveVapidKeys(e);
      throw raced;
    }
    return { ...keys, subject };
  }
}

let cached: VapidKeys | undefined;
/** This process's VAPID keys (resolved once). */
export function vapidKeys(): VapidKeys {
  cached ??= resolveVapidKeys();
  return cached;
}
