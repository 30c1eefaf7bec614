// What a file really is, judged by its first bytes: the name and the declared type are the
// uploader's claim, the magic bytes are the file's.
export type AcceptedType = {
  contentType: "application/pdf" | "image/jpeg" | "image/png";
  extension: "pdf" | "jpg" | "png";
};

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

export function detectFileType(data: Uint8Array): AcceptedType | null {
  const starts = (bytes: number[]) => data.length >= bytes.length && bytes.every((b, i) => data[i] === b);
  if (starts([0x25, 0x50, 0x44, 0x46, 0x2d])) return { contentType: "application/pdf", extension: "pdf" }; // %PDF-
  if (starts([0xff, 0xd8, 0xff])) return { contentType: "image/jpeg", extension: "jpg" };
  if (starts(PNG)) return { contentType: "image/png", extension: "png" };
  return null;
}

/** The last path segment, without control characters, at most 200 characters; "document" if nothing is left. */
export function safeFileName(name: string | undefined): string {
  const base = (name ?? "").split(/[\\/]/).pop() ?? "";
  const clean = [...base]
    .filter((c) => c !== '"' && c.charCodeAt(0) >= 0x20 && c.charCodeAt(0) !== 0x7f)
    .join("")
    .trim()
    .slice(0, 200);
  return clean || "document";
}
