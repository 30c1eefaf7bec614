// A reusable Idempotency-Key handler for money-moving POSTs. The first request with a key claims it;
// a repeat with the same body gets the stored answer (and `Idempotent-Replayed: true`), a repeat
// with another body is refused, and one that arrives while the first is still running gets 409.
// The service records the answer in its own transaction (idempotency-claim.ts), so a crash cannot
// leave money moved with the key unanswered; a claim left pending by a request that died before
// committing is taken over by the retry. Failed requests (5xx) release the key so the client can retry.
import { createHash } from "node:crypto";
import { and, eq } from "drizzle-orm";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { idempotencyKeys } from "../../modules/settings/settings.schema.ts";
import { canonicalJson } from "../audit.ts";
import type { Db } from "../db.ts";
import { DomainError } from "../errors.ts";
import { type IdempotencyClaim, takeOverAbandonedClaim } from "../idempotency-claim.ts";

const KEY_PATTERN = /^[\x21-\x7e]{1,128}$/;

const claims = new WeakMap<FastifyRequest, IdempotencyClaim>();

/** The request's claimed key, for its service's idempotentTransaction (via contextOf). */
export function claimOf(request: FastifyRequest): IdempotencyClaim | undefined {
  return claims.get(request);
}

export function registerIdempotency(app: FastifyInstance, db: Db): void {
  app.addHook("preHandler", async (request, reply) => {
    const idempotent = request.routeOptions.config.idempotent;
    if (!idempotent) return;
    const header = request.headers["idempotency-key"];
    if (header === undefined) return;
    const key = Array.isArray(header) ? header[0] : header;
    if (!KEY_PATTERN.test(key))
      throw new DomainError({
        code: "invalid-idempotency-key",
        status: 400,
        fields: { "Idempotency-Key": "invalid-idempotency-key" },
      });
    const scope = `${request.actor?.userId ?? "anonymous"} ${request.method} ${request.url.split("?")[0]}`;
    const requestHash = createHash("sha256")
      .update(canonicalJson(request.body ?? null))
      .digest("hex");
    const inserted = await db
      .insert(idempotencyKeys)
      .values({ scope, key, requestHash, state: "pending" })
      .onConflictDoNothing()
      .returning({ key: idempotencyKeys.key });
    const claim: IdempotencyClaim = { scope, key, status: idempotent.status, completed: false };
    if (inserted.length === 1) {
      claims.set(request, claim);
      return;
    }
    const [existing] = await db
      .select()
      .from(idempotencyKeys)
      .where(and(eq(idempotencyKeys.scope, scope), eq(idempotencyKeys.key, key)));
    if (!existing) throw new DomainError({ code: "idempotency-in-progress", status: 409 });
    if (existing.requestHash !== requestHash)
      throw new DomainError({ code: "idempotency-key-reused", status: 422 });
    if (existing.state === "pending") {
      if (!(await takeOverAbandonedClaim(db, claim)))
        throw new DomainError({ code: "idempotency-in-progress", status: 409 });
      claims.set(request, claim);
      return;
    }
    reply.header("idempotent-replayed", "true");
    return reply.code(existing.statusCode ?? 200).send(existing.response);
  });

  app.addHook("onSend", async (request, reply, payload) => {
    const claim = claims.get(request);
    if (!claim) return payload;
    claims.delete(request);
    // Recorded with the money, in the service's commit.
    if (claim.completed) return payload;
    const where = and(eq(idempotencyKeys.scope, claim.scope), eq(idempotencyKeys.key, claim.key));
    if (reply.statusCode >= 500) {
      await db.delete(idempotencyKeys).where(where);
      return payload;
    }
    // A success recorded here, after the service's commit, would be lost in a crash between the two.
    if (reply.statusCode < 400)
      request.log.error({ url: request.url }, "idempotent route answered without idempotentTransaction");
    let response: unknown = null;
    try {
      response = typeof payload === "string" ? JSON.parse(payload) : null;
    } catch {
      response = null;
    }
    await db
      .update(idempotencyKeys)
      .set({ state: "done", statusCode: reply.statusCode, response })
      .where(where);
    return payload;
  });
}
