// Where documents and generated files live. One small interface so the local folder of the embedded
// default and an S3-compatible bucket in production are interchangeable: keys are opaque relative
// paths chosen by the caller, content is bytes in and a stream out.
import { createReadStream } from "node:fs";
import { mkdir, rename, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import type { AppConfig } from "./config.ts";

export type FileStorage = {
  readonly kind: "local" | "memory";
  put: (key: string, data: Buffer) => Promise<void>;
  /** A stream of the stored bytes, or null when nothing is stored under the key. */
  open: (key: string) => Promise<Readable | null>;
};

const KEY_PATTERN = /^[a-z0-9][a-z0-9/_.-]{0,200}$/;

function checkKey(key: string): void {
  if (!KEY_PATTERN.test(key) || key.includes("..") || key.includes("//"))
    throw new Error(`bad storage key: ${key}`);
}

export function localStorage(root: string): FileStorage {
  const resolve = (key: string) => {
    checkKey(key);
    return path.join(root, key);
  };
  return {
    kind: "local",
    async put(key, data) {
      const file = resolve(key);
      await mkdir(path.dirname(file), { recursive: true });
      // Write then rename, so a reader never sees half a file.
      const temp = `${file}.${process.pid}.${Date.now()}.part`;
      await writeFile(temp, data, { mode: 0o600 });
      await rename(temp, file);
    },
    async open(key) {
      const file = resolve(key);
      try {
        await stat(file);
      } catch {
        return null;
      }
      return createReadStream(file);
    },
  };
}

export function memoryStorage(): FileStorage {
  const files = new Map<string, Buffer>();
  return {
    kind: "memory",
    async put(key, data) {
      checkKey(key);
      files.set(key, Buffer.from(data));
    },
    async open(key) {
      const data = files.get(key);
      return data ? Readable.from([data]) : null;
    },
  };
}

/** `${dataDir}/files` by default; tests (dataDir "") keep files in memory. An S3 adapter slots in here. */
export function createStorage(config: Pick<AppConfig, "dataDir">): FileStorage {
  return config.dataDir ? localStorage(path.join(config.dataDir, "files")) : memoryStorage();
}
