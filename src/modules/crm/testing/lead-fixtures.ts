// Test helpers for leads and calls: valid identifiers (GB 11643 check character computed), unique
// mobile numbers, user ids by demo username, raw SQL reads, and multipart uploads for the imports.
import { eq } from "drizzle-orm";
import type { Db } from "../../../platform/db.ts";
import type { TestClient } from "../../../platform/testing/test-app.ts";
import { residentIdCheckChar } from "../../customers/domain/identifiers.ts";
import { users } from "../../identity/identity.schema.ts";

let idSeq = 100;
export function newIdNumber(birth = "19850612"): string {
  const body = `330106${birth}${String(idSeq++ % 1000).padStart(3, "0")}`;
  return body + residentIdCheckChar(body);
}

let phoneSeq = Math.floor(Math.random() * 50_000_000);
export function newPhone(prefix = "137"): string {
  phoneSeq = (phoneSeq + 7919) % 100_000_000;
  return `${prefix}${String(phoneSeq).padStart(8, "0")}`;
}

export async function userIdOf(db: Db, username: string): Promise<string> {
  const [row] = await db.select({ id: users.id }).from(users).where(eq(users.username, username));
  if (!row) throw new Error(`no user ${username}`);
  return row.id;
}

export async function rows<T>(db: Db, text: string): Promise<T[]> {
  return ((await db.execute(text)) as unknown as { rows: T[] }).rows;
}

/** A multipart body with one file and text fields, as a browser's FormData sends it. */
export function multipart(
  file: { name: string; data: Buffer | string; type?: string } | null,
  fields: Record<string, string> = {},
): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----mc${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields))
    parts.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`),
    );
  if (file) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type ?? "text/csv"}\r\n\r\n`,
      ),
    );
    parts.push(Buffer.isBuffer(file.data) ? file.data : Buffer.from(file.data));
    parts.push(Buffer.from("\r\n"));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return {
    payload: Buffer.concat(parts),
    headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
  };
}

export async function upload(
  client: TestClient,
  url: string,
  file: { name: string; data: Buffer | string; type?: string } | null,
  fields: Record<string, string> = {},
  headers: Record<string, string> = {},
) {
  const body = multipart(file, fields);
  // A multipart POST with the session cookie must carry the double-submit CSRF token, as the console's does.
  const csrf = client.cookies.mc_csrf ? { "x-csrf-token": client.cookies.mc_csrf } : {};
  return client.request({
    method: "POST",
    url,
    payload: body.payload,
    headers: { ...body.headers, ...csrf, ...headers },
  });
}

/** A valid lead body; override any field. */
export function leadBody(extra: Record<string, unknown> = {}) {
  return { name: "测试线索", phone: newPhone(), source: "online", ...extra };
}
