import type { Actor } from "../auth/actor.ts";
import type { Permission } from "../auth/permissions.ts";
import type { Locale } from "../messages.ts";

declare module "fastify" {
  interface FastifyInstance {
    routeTable: { method: string; url: string; public: boolean; permission: Permission | null }[];
  }
  interface FastifyRequest {
    actor: Actor | null;
    sessionToken: string | null;
    locale: Locale;
  }
  interface FastifyContextConfig {
    /** Reachable without signing in. */
    public?: boolean;
    /** The permission this route needs; services check it again. */
    permission?: Permission;
    /**
     * Money-moving POSTs: replays the first answer for a repeated Idempotency-Key. `status` is the
     * route's success status; the service records its answer with idempotentTransaction.
     */
    idempotent?: { status: 200 | 201 };
  }
}
