import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Readable } from "node:stream";
import { afterAll, describe, expect, it } from "vitest";
import { createStorage, type FileStorage, memoryStorage } from "./storage.ts";

const dir = mkdtempSync(path.join(tmpdir(), "mc-storage-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function read(stream: Readable | null): Promise<string | null> {
  if (!stream) return null;
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks).toString();
}

describe.each<[string, () => FileStorage]>([
  ["local", () => createStorage({ dataDir: dir })],
  ["memory", () => memoryStorage()],
])("%s storage", (kind, make) => {
  it("stores bytes under a key and streams them back; a missing key is null", async () => {
    const storage = make();
    expect(storage.kind).toBe(kind);
    await storage.put("customers/abc/doc-1.pdf", Buffer.from("%PDF-1.4 hello"));
    expect(await read(await storage.open("customers/abc/doc-1.pdf"))).toBe("%PDF-1.4 hello");
    expect(await storage.open("customers/abc/missing.pdf")).toBeNull();
  });

  it("refuses keys that could leave the storage root", async () => {
    const storage = make();
    await expect(storage.put("../escape.txt", Buffer.from("x"))).rejects.toThrow();
    await expect(storage.put("customers/../../escape.txt", Buffer.from("x"))).rejects.toThrow();
    await expect(storage.put("/etc/passwd", Buffer.from("x"))).rejects.toThrow();
  });
});

it("keeps files in memory when there is no data directory (tests)", () => {
  expect(createStorage({ dataDir: "" }).kind).toBe("memory");
});
