import { env, type Env } from "@/env";

// Where this deployment keeps videos, in words an owner can check: this server's disk, or the
// bucket's name. Never the endpoint's credentials. Read from env.s3, which decides S3 once.

export type StoreLocation = { kind: "disk" } | { kind: "s3"; bucket: string };

export function storeLocation(e: Pick<Env, "s3"> = env()): StoreLocation {
  return e.s3 ? { kind: "s3", bucket: e.s3.bucket } : { kind: "disk" };
}
