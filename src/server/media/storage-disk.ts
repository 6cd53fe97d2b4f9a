import fs from "node:fs";
import fsp from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { assertSafeKey, clampRange, type ByteRange, type MediaStore, type StoredObject } from "./storage";

// The default store: files under a folder of the data directory. A write goes to a temporary
// name first and is renamed into place, so a reader never sees half a file and a crash
// mid-write leaves only a ".partial" the clean-up removes.

const PARTIAL = ".partial";

export function diskStore(root: string): MediaStore {
  const pathOf = (key: string) => {
    assertSafeKey(key);
    return path.join(root, ...key.split("/"));
  };
  const statOf = async (file: string) => {
    try {
      const stat = await fsp.stat(file);
      return stat.isFile() ? stat : null;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
      throw error;
    }
  };

  return {
    kind: "disk",
    async put(key, body) {
      const file = pathOf(key);
      await fsp.mkdir(path.dirname(file), { recursive: true });
      const temporary = `${file}.${process.pid}.${Date.now()}${PARTIAL}`;
      try {
        await pipeline(body instanceof Uint8Array ? Readable.from([body]) : body, fs.createWriteStream(temporary));
        await fsp.rename(temporary, file);
      } catch (error) {
        await fsp.rm(temporary, { force: true });
        throw error;
      }
    },
    async get(key, range?: ByteRange): Promise<StoredObject | null> {
      const file = pathOf(key);
      const stat = await statOf(file);
      if (!stat) return null;
      const part = clampRange(stat.size, range);
      const body = stat.size === 0 ? Readable.from([]) : fs.createReadStream(file, { start: part.start, end: part.end });
      return { body, size: stat.size, range: part };
    },
    async size(key) {
      return (await statOf(pathOf(key)))?.size ?? null;
    },
    async delete(key) {
      const file = pathOf(key);
      await fsp.rm(file, { force: true });
      // Empty folders of a removed video go too, up to the store's root.
      let dir = path.dirname(file);
      while (dir.startsWith(root) && dir !== root) {
        try {
          await fsp.rmdir(dir);
        } catch {
          break;
        }
        dir = path.dirname(dir);
      }
    },
    async list(prefix) {
      const keys: string[] = [];
      const walk = async (dir: string, keyPrefix: string) => {
        let entries: fs.Dirent[];
        try {
          entries = await fsp.readdir(dir, { withFileTypes: true });
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code === "ENOENT") return;
          throw error;
        }
        for (const entry of entries) {
          const key = `${keyPrefix}${entry.name}`;
          if (entry.isDirectory()) await walk(path.join(dir, entry.name), `${key}/`);
          else if (entry.isFile() && key.startsWith(prefix)) keys.push(key);
        }
      };
      // Walk from the folder the prefix names, not the whole store.
      const folder = prefix.slice(0, prefix.lastIndexOf("/") + 1);
      if (folder) assertSafeKey(folder.slice(0, -1));
      await walk(path.join(root, ...folder.split("/").filter(Boolean)), folder);
      return keys.sort();
    },
    async signedUrl() {
      return null;
    },
  };
}
