// Every capability's HTTP routes, mounted under /api/v1. Reading this list tells what the API offers.
import type { FastifyInstance } from "fastify";
import { registerAuditRoutes } from "../../modules/audit/audit.routes.ts";
import { registerIdentityRoutes } from "../../modules/identity/identity.routes.ts";
import { registerCalculatorRoutes } from "../../modules/loans/calculator.routes.ts";
import type { AppDeps } from "./app.ts";

export function registerModuleRoutes(api: FastifyInstance, deps: AppDeps): void {
  registerIdentityRoutes(api, deps);
  registerAuditRoutes(api, deps);
  registerCalculatorRoutes(api, deps);
}
