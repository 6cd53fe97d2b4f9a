import path from "node:path";
import { env, type Env } from "@/env";
import type { MediaStore } from "./storage";
import { diskStore } from "./storage-disk";
import { s3Store } from "./storage-s3";

// The store this deployment keeps videos in: S3 when env.ts found all of S3_* set (it refuses a
// half-set configuration at start-up), otherwise a folder of the data directory.

/** Where the disk store keeps its files, and where tus keeps uploads still arriving (always on disk: ffprobe reads a file). */
export const mediaFolders = (e: Pick<Env, "dataDir">) => ({ store: path.join(e.dataDir, "media"), incoming: path.join(e.dataDir, "uploads", "videos") });

export function storeFor(e: Pick<Env, "s3" | "dataDir">): MediaStore {
  return e.s3 ? s3Store(e.s3) : diskStore(mediaFolders(e).store);
}

const holder = globalThis as unknown as { __strideMediaStore?: MediaStore };

/** This process's store, made on first use (never at import, so `next build` needs no env). */
export function mediaStore(): MediaStore {
  holder.__strideMediaStore ??= storeFor(env());
  return holder.__strideMediaStore;
}
