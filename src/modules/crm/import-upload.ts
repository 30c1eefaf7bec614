// Reading an import upload (multipart: one `file` plus a few text fields): into memory for lead lists,
// or onto a temporary file for call records, which may be large and are then streamed from disk.
// Limit errors of the multipart plugin become our error codes.
import { randomUUID } from "node:crypto";
import { createWriteStream } from "node:fs";
import { open, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import type { FastifyRequest } from "fastify";
import { DomainError, invalid } from "../../platform/errors.ts";
import { type FileKind, fileKindOf } from "../../platform/import-rows.ts";

export type ImportUpload = {
  fileName: string;
  kind: FileKind;
  fields: Record<string, string>;
  /** In memory (`target: "memory"`). */
  data: Buffer | null;
  /** On disk (`target: "disk"`); remove with `cleanup`. */
  filePath: string | null;
  cleanup: () => Promise<void>;
};

function limitError(error: unknown, maxBytes: number): DomainError | null {
  switch ((error as { code?: string })?.code) {
    case "FST_REQ_FILE_TOO_LARGE":
      return new DomainError({
        code: "import-file-too-large",
        status: 413,
        params: { max: maxBytes / 2 ** 20 },
      });
    case "FST_FILES_LIMIT":
      return invalid({ file: "too-many-files" });
    case "FST_PARTS_LIMIT":
    case "FST_FIELDS_LIMIT":
    case "FST_PROTO_VIOLATION":
      return invalid({ body: "invalid-value" });
    default:
      return null;
  }
}

export async function readImportUpload(
  request: FastifyRequest,
  options: { target: "memory" | "disk"; maxBytes: number; fields: readonly string[] },
): Promise<ImportUpload> {
  if (!request.isMultipart()) throw new DomainError({ code: "multipart-required", status: 415 });
  const fields: Record<string, string> = {};
  const problems: Record<string, string> = {};
  let fileName: string | null = null;
  let data: Buffer | null = null;
  let filePath: string | null = null;
  const cleanup = async () => {
    if (filePath) await rm(filePath, { force: true });
  };
  try {
    const parts = request.parts({
      limits: {
        fileSize: options.maxBytes,
        files: 1,
        fields: options.fields.length + 2,
        parts: options.fields.length + 3,
      },
    });
    for await (const part of parts) {
      if (part.type === "file") {
        if (part.fieldname !== "file") problems[part.fieldname] = "unknown-field";
        fileName = part.filename || "upload";
        if (options.target === "memory") data = await part.toBuffer();
        else {
          filePath = path.join(tmpdir(), `mc-import-${randomUUID()}`);
          await pipeline(part.file, createWriteStream(filePath));
          if (part.file.truncated)
            throw Object.assign(new Error("too large"), { code: "FST_REQ_FILE_TOO_LARGE" });
        }
      } else if (options.fields.includes(part.fieldname)) fields[part.fieldname] = String(part.value);
      else problems[part.fieldname] = "unknown-field";
    }
  } catch (error) {
    await cleanup();
    throw limitError(error, options.maxBytes) ?? error;
  }
  if (!fileName) problems.file = "file-required";
  if (Object.keys(problems).length) {
    await cleanup();
    throw invalid(problems);
  }
  const head = data ? data.subarray(0, 512) : await readHead(filePath as string);
  const kind = fileKindOf(fileName ?? undefined, head);
  if (!kind) {
    await cleanup();
    throw new DomainError({
      code: "import-unsupported-file",
      status: 415,
      fields: { file: "import-unsupported-file" },
    });
  }
  return { fileName: fileName as string, kind, fields, data, filePath, cleanup };
}

async function readHead(filePath: string): Promise<Buffer> {
  const handle = await open(filePath, "r");
  try {
    const head = Buffer.alloc(512);
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    return head.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}
