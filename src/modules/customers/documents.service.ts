// Customer documents (ID card, business licence, bank statements): accepted only as PDF, JPEG or PNG by
// content, stored through the storage adapter with their SHA-256, and every read of one is audited.
import { createHash, randomUUID } from "node:crypto";
import type { Readable } from "node:stream";
import { and, desc, eq } from "drizzle-orm";
import { recordAudit } from "../../platform/audit.ts";
import { type RequestContext, requirePermission } from "../../platform/auth/actor.ts";
import type { Db, Queryable } from "../../platform/db.ts";
import { DomainError, invalid, notFound } from "../../platform/errors.ts";
import type { FileStorage } from "../../platform/storage.ts";
import { users } from "../identity/identity.schema.ts";
import { loadVisibleCustomer } from "./customer-view.ts";
import { customerDocuments, type DocumentKind } from "./customers.schema.ts";
import { detectFileType, safeFileName } from "./domain/file-types.ts";

export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;

export type DocumentView = {
  id: string;
  kind: DocumentKind;
  fileName: string;
  contentType: string;
  size: number;
  sha256: string;
  uploadedBy: string | null;
  uploadedByName: string | null;
  uploadedAt: string;
};

export async function documentsOf(db: Queryable, customerId: string): Promise<DocumentView[]> {
  const rows = await db
    .select({ d: customerDocuments, uploadedByName: users.displayName })
    .from(customerDocuments)
    .leftJoin(users, eq(users.id, customerDocuments.uploadedBy))
    .where(eq(customerDocuments.customerId, customerId))
    .orderBy(desc(customerDocuments.uploadedAt));
  return rows.map(({ d, uploadedByName }) => ({
    id: d.id,
    kind: d.kind,
    fileName: d.fileName,
    contentType: d.contentType,
    size: d.size,
    sha256: d.sha256,
    uploadedBy: d.uploadedBy,
    uploadedByName,
    uploadedAt: d.uploadedAt.toISOString(),
  }));
}

export async function listDocuments(
  db: Db,
  ctx: RequestContext,
  customerId: string,
): Promise<DocumentView[]> {
  requirePermission(ctx, "customers.read");
  await loadVisibleCustomer(db, ctx, customerId);
  return documentsOf(db, customerId);
}

export async function uploadDocument(
  deps: { db: Db; storage: FileStorage },
  ctx: RequestContext,
  input: { customerId: string; kind: DocumentKind; fileName?: string; data: Buffer },
): Promise<DocumentView> {
  requirePermission(ctx, "customers.write");
  if (input.data.length === 0) throw invalid({ file: "file-required" });
  if (input.data.length > MAX_DOCUMENT_BYTES) throw new DomainError({ code: "file-too-large", status: 413 });
  const type = detectFileType(input.data);
  if (!type) throw invalid({ file: "unsupported-file-type" }, "unsupported-file-type");
  const id = randomUUID();
  const sha256 = createHash("sha256").update(input.data).digest("hex");
  const storageKey = `customers/${input.customerId}/${id}.${type.extension}`;
  await deps.db.transaction(async (tx) => {
    await loadVisibleCustomer(tx, ctx, input.customerId);
    await tx.insert(customerDocuments).values({
      id,
      customerId: input.customerId,
      kind: input.kind,
      fileName: safeFileName(input.fileName),
      contentType: type.contentType,
      size: input.data.length,
      sha256,
      storageKey,
      uploadedBy: ctx.actor.userId,
    });
    // Stored inside the transaction: if it fails nothing is recorded; a commit failing afterwards only
    // leaves an unreferenced file behind.
    await deps.storage.put(storageKey, input.data);
    await recordAudit(tx, ctx, {
      action: "customer.document-uploaded",
      entityType: "customer",
      entityId: input.customerId,
      after: {
        documentId: id,
        kind: input.kind,
        contentType: type.contentType,
        size: input.data.length,
        sha256,
      },
    });
  });
  const [view] = (await documentsOf(deps.db, input.customerId)).filter((d) => d.id === id);
  return view;
}

export async function openDocument(
  deps: { db: Db; storage: FileStorage },
  ctx: RequestContext,
  input: { customerId: string; documentId: string },
): Promise<{ document: DocumentView; stream: Readable }> {
  requirePermission(ctx, "customers.read");
  await loadVisibleCustomer(deps.db, ctx, input.customerId);
  const [row] = await deps.db
    .select()
    .from(customerDocuments)
    .where(
      and(eq(customerDocuments.id, input.documentId), eq(customerDocuments.customerId, input.customerId)),
    );
  if (!row) throw notFound("document");
  const stream = await deps.storage.open(row.storageKey);
  if (!stream) throw new DomainError({ code: "stored-file-missing", status: 500 });
  try {
    await deps.db.transaction(async (tx) => {
      await recordAudit(tx, ctx, {
        action: "customer.document-read",
        entityType: "customer",
        entityId: input.customerId,
        after: { documentId: row.id, kind: row.kind },
      });
    });
  } catch (error) {
    stream.destroy();
    throw error;
  }
  const [document] = (await documentsOf(deps.db, input.customerId)).filter((d) => d.id === row.id);
  return { document, stream };
}
