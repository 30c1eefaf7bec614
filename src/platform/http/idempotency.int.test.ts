// The Idempotency-Key handler on its own: a tiny app with one money-like route that counts calls.
import fastifyCookie from "@fastify/cookie";
import Fastify, { type FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DbHandle, migrateDatabase, openDatabase } from "../db.ts";
import { registerErrorHandler } from "./error-handler.ts";
import { registerIdempotency } from "./idempotency.ts";
import "./types.ts";

let handle: DbHandle;
let app: FastifyInstance;
let calls = 0;

beforeAll(async () => {
  handle = await openDatabase({ databaseUrl: null, dataDir: null });
  await migrateDatabase(handle);
  app = Fastify();
  app.decorateRequest("actor", null);
  app.decorateRequest("locale", "en-US");
  registerErrorHandler(app);
  await app.register(fastifyCookie);
  registerIdempotency(app, handle.db);
  app.post("/pay", { config: { idempotent: true } }, async (request, reply) => {
    calls += 1;
    const body = request.body as { amount: string; fail?: boolean };
    if (body.fail) return reply.code(500).send({ error: "boom" });
    await new Promise((resolve) => setTimeout(resolve, 30));
    return reply.code(201).send({ paymentNo: calls, amount: body.amount });
  });
  await app.ready();
});
afterAll(async () => {
  await app.close();
  await handle.close();
});

const pay = (key: string | null, body: unknown) =>
  app.inject({
    method: "POST",
    url: "/pay",
    payload: body as object,
    headers: key ? { "idempotency-key": key } : {},
  });

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

  it("releases the key after a server error so the client can retry", async () => {
    expect((await pay("k-4", { amount: "1.00", fail: true })).statusCode).toBe(500);
    const before = calls;
    expect((await pay("k-4", { amount: "1.00", fail: true })).statusCode).toBe(500);
    expect(calls - before).toBe(1);
  });

  it("does nothing without a key and refuses a malformed key", async () => {
    const before = calls;
    await pay(null, { amount: "1.00" });
    await pay(null, { amount: "1.00" });
    expect(calls - before).toBe(2);
    expect((await pay("bad key with spaces", { amount: "1.00" })).statusCode).toBe(400);
  });
});
