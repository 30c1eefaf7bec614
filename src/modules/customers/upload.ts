// Reads a multipart upload of one file plus its `kind` field, in whichever order they come, and turns
// the multipart plugin's limit errors into our error codes (413 for a file over the limit).
import type { FastifyRequest } from "fastify";
import { DomainError, invalid } from "../../platform/errors.ts";
import { DOCUMENT_KINDS } from "./customers.contracts.ts";
import type { DocumentKind } from "./customers.schema.ts";

export type Upload = { kind: DocumentKind; fileName: string | undefined; data: Buffer };

function limitError(error: unknown): DomainError | null {
  switch ((error as { code?: string })?.code) {
    case "FST_REQ_FILE_TOO_LARGE":
      return new DomainError({ code: "file-too-large", status: 413 });
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

export async function readSingleUpload(request: FastifyRequest): Promise<Upload> {
  if (!request.isMultipart()) throw new DomainError({ code: "multipart-required", status: 415 });
  let kind: string | undefined;
  let file: { fileName: string | undefined; data: Buffer } | undefined;
  const fields: Record<string, string> = {};
  try {
    for await (const part of request.parts()) {
      if (part.type === "file") {
        if (part.fieldname !== "file") fields[part.fieldname] = "unknown-field";
        file = { fileName: part.filename, data: await part.toBuffer() };
      } else if (part.fieldname === "kind") kind = String(part.value);
      else fields[part.fieldname] = "unknown-field";
    }
  } catch (error) {
    throw limitError(error) ?? error;
  }
  if (!kind) fields.kind = "required";
  else if (!(DOCUMENT_KINDS as readonly string[]).includes(kind)) fields.kind = "invalid-value";
  if (!file) fields.file = "file-required";
  if (Object.keys(fields).length) throw invalid(fields);
  return { kind: kind as DocumentKind, fileName: file?.fileName, data: file?.data as Buffer };
}
