// The Idempotency-Key handler on its own: a tiny app with one money-like route that counts calls and
// records its answer the way the money services do (idempotentTransaction), on the test database
// (PGlite, or PostgreSQL with TEST_DB=pg).
import { createHash } from "node:crypto";
import fastifyCookie from "@fastify/cookie";
import { sql } from "drizzle-orm";
import Fastify, { type FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { idempotencyKeys } from "../../modules/settings/settings.schema.ts";
import { canonicalJson } from "../audit.ts";
import { systemContext } from "../auth/actor.ts";
import { ABANDONED_CLAIM_AFTER_SECONDS, idempotentTransaction } from "../idempotency-claim.ts";
import { createTestApp, type TestApp } from "../testing/test-app.ts";
import { registerErrorHandler } from "./error-handler.ts";
import { claimOf, registerIdempotency } from "./idempotency.ts";
import "./types.ts";

let t: TestApp;
let app: FastifyInstance;
let calls = 0;

type PayBody = { amount: string; fail?: "before-commit" | "after-commit" };

beforeAll(async () => {
  t = await createTestApp();
  app = Fastify();
  app.decorateRequest("actor", null);
  app.decorateRequest("locale", "en-US");
  registerErrorHandler(app);
  await app.register(fastifyCookie);
  registerIdempotency(app, t.handle.db);
  app.post("/pay", { config: { idempotent: { status: 201 } } }, async (request, reply) => {
    const body = request.body as PayBody;
    const ctx = { ...systemContext(), idempotency: claimOf(request) };
    const answer = await idempotentTransaction(t.handle.db, ctx, async (tx) => {
      calls += 1;
      await tx.execute(sql`select 1`);
      await new Promise((resolve) => setTimeout(resolve, 30));
      if (body.fail === "before-commit") throw new Error("boom before the commit");
      return { paymentNo: calls, amount: body.amount };
    });
    // The money moved; the process dies before it can answer (the answer is already recorded).
    if (body.fail === "after-commit") return reply.code(500).send({ error: "lost after the commit" });
    return reply.code(201).send(answer);
  });
  await app.ready();
});
afterAll(async () => {
  await app.close();
  await t.close();
});

const pay = (key: string | null, body: PayBody) =>
  app.inject({
    method: "POST",
    url: "/pay",
    payload: body,
    headers: key ? { "idempotency-key": key } : {},
  });

/** A claim as a request that died before its transaction committed would leave it. */
async function abandonedClaim(key: string, body: PayBody, secondsAgo: number) {
  await t.handle.db.insert(idempotencyKeys).values({
    scope: "anonymous POST /pay",
    key,
    requestHash: createHash("sha256").update(canonicalJson(body)).digest("hex"),
    state: "pending",
    createdAt: sql`now() - make_interval(secs => ${secondsAgo})`,
  });
}

describe("Idempotency-Key", () => {
  it("replays the first answer for the same key and body", async () => {
    const first = await pay("k-1", { amount: "10.00" });
    const second = await pay("k-1", { amount: "10.00" });
    expect(first.statusCode).toBe(201);
    expect(second.statusCode).toBe(201);
    expect(second.json()).toEqual(first.json());
    expect(second.headers["idempotent-replayed"]).toBe("true");
  });

  it("refuses the same key with a different body", async () => {
    await pay("k-2", { amount: "10.00" });
    const other = await pay("k-2", { amount: "99.00" });
    expect(other.statusCode).toBe(422);
  });

  it("runs concurrent duplicates once: the rest are told it is in progress or get the replay", async () => {
    const before = calls;
    const results = await Promise.all(Array.from({ length: 10 }, () => pay("k-3", { amount: "5.00" })));
    expect(calls - before).toBe(1);
    expect(results.every((r) => r.statusCode === 201 || r.statusCode === 409)).toBe(true);
  });

  it("releases the key after a server error before the commit so the client can retry", async () => {
    expect((await pay("k-4", { amount: "1.00", fail: "before-commit" })).statusCode).toBe(500);
    const before = calls;
    expect((await pay("k-4", { amount: "1.00" })).statusCode).toBe(201);
    expect(calls - before).toBe(1);
  });

  it("keeps the answer recorded in the commit when the request dies after it: the retry is a replay", async () => {
    const lost = await pay("k-5", { amount: "7.00", fail: "after-commit" });
    expect(lost.statusCode).toBe(500);
    const before = calls;
    const retry = await pay("k-5", { amount: "7.00", fail: "after-commit" });
    expect(calls - before).toBe(0);
    expect(retry.statusCode).toBe(201);
    expect(retry.headers["idempotent-replayed"]).toBe("true");
    expect(retry.json()).toMatchObject({ amount: "7.00" });
  });

  it("lets a retry take over a claim abandoned by a request that died before committing", async () => {
    await abandonedClaim("k-6", { amount: "3.00" }, ABANDONED_CLAIM_AFTER_SECONDS + 5);
    const before = calls;
    const retry = await pay("k-6", { amount: "3.00" });
    expect(retry.statusCode).toBe(201);
    expect(calls - before).toBe(1);
    const replay = await pay("k-6", { amount: "3.00" });
    expect(replay.headers["idempotent-replayed"]).toBe("true");
    expect(replay.json()).toEqual(retry.json());
  });

  it("still says in progress for a pending claim younger than the abandonment limit", async () => {
    await abandonedClaim("k-7", { amount: "4.00" }, 1);
    const before = calls;
    expect((await pay("k-7", { amount: "4.00" })).statusCode).toBe(409);
    expect(calls - before).toBe(0);
  });

  // PGlite has one connection, so a second transaction holding the lock exists only on PostgreSQL.
  it.runIf(process.env.TEST_DB === "pg")(
    "does not take over an old claim whose transaction is still running",
    async () => {
      await abandonedClaim("k-8", { amount: "8.00" }, ABANDONED_CLAIM_AFTER_SECONDS + 5);
      let release = () => {};
      const held = new Promise<void>((resolve) => {
        release = resolve;
      });
      let locked = () => {};
      const isLocked = new Promise<void>((resolve) => {
        locked = resolve;
      });
      const inFlight = t.handle.db.transaction(async (tx) => {
        await tx.execute(sql`select 1 from idempotency_keys where key = 'k-8' for update`);
        locked();
        await held;
      });
      await isLocked;
      const before = calls;
      expect((await pay("k-8", { amount: "8.00" })).statusCode).toBe(409);
      expect(calls - before).toBe(0);
      release();
      await inFlight;
    },
  );

  it("does nothing without a key and refuses a malformed key", async () => {
    const before = calls;
    await pay(null, { amount: "1.00" });
    await pay(null, { amount: "1.00" });
    expect(calls - before).toBe(2);
    expect((await pay("bad key with spaces", { amount: "1.00" })).statusCode).toBe(400);
  });
});
