import type { FastifyRequest } from "fastify";
import type { RequestContext } from "../auth/actor.ts";
import { DomainError } from "../errors.ts";
import { claimOf } from "./idempotency.ts";

/** The signed-in caller as services see it. Routes are only reached with an actor unless public. */
export function contextOf(request: FastifyRequest): RequestContext {
  if (!request.actor) throw new DomainError({ code: "unauthenticated", status: 401 });
  const idempotency = claimOf(request);
  return {
    actor: request.actor,
    requestId: request.id,
    ip: request.ip,
    ...(idempotency ? { idempotency } : {}),
  };
}
