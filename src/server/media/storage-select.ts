import path from "node:path";
import { env, type Env } from "@/env";
import type { MediaStore } from "./storage";
import { diskStore } from "./storage-disk";
import { s3Store } from "./storage-s3";

// The store this deployment keeps videos in: S3 when all of S3_* are set (env.ts refuses a
// half-set configuration at start-up), otherwise a folder of the data directory.

/** Where the disk store keeps its files, and where tus keeps uploads still arriving (always on disk: ffprobe reads a file). */
export const mediaFolders = (e: Pick<Env, "dataDir">) => ({ store: path.join(e.dataDir, "media"), incoming: path.join(e.dataDir, "uploads", "videos") });

export function storeFor(e: Env): MediaStore {
  if (e.S3_ENDPOINT && e.S3_BUCKET && e.S3_ACCESS_KEY_ID && e.S3_SECRET_ACCESS_KEY && e.S3_REGION) {
    return s3Store({ endpoint: e.S3_ENDPOINT, bucket: e.S3_BUCKET, accessKeyId: e.S3_ACCESS_KEY_ID, secretAccessKey: e.S3_SECRET_ACCESS_KEY, region: e.S3_REGION });
  }
  return diskStore(mediaFolders(e).store);
}

const holder = globalThis as unknown as { __strideMediaStore?: MediaStore };

/** This process's store, made on first use (never at import, so `next build` needs no env). */
export function mediaStore(): MediaStore {
  holder.__strideMediaStore ??= storeFor(env());
  return holder.__strideMediaStore;
}
