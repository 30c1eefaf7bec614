// Every capability's HTTP routes, mounted under /api/v1. Reading this list tells what the API offers.
import type { FastifyInstance } from "fastify";
import { registerAuditRoutes } from "../../modules/audit/audit.routes.ts";
import { registerCollectionsRoutes } from "../../modules/collections/collections.routes.ts";
import { registerCompensationRoutes } from "../../modules/compensation/compensation.routes.ts";
import { registerCrmRoutes } from "../../modules/crm/crm.routes.ts";
import { registerCrmEngagementRoutes } from "../../modules/crm/crm-engagement.routes.ts";
import { registerCustomerRoutes } from "../../modules/customers/customers.routes.ts";
import { registerIdentityRoutes } from "../../modules/identity/identity.routes.ts";
import { registerCapitalRoutes } from "../../modules/ledger/capital.routes.ts";
import { registerLedgerRoutes } from "../../modules/ledger/ledger.routes.ts";
import { registerCalculatorRoutes } from "../../modules/loans/calculator.routes.ts";
import { registerBatchRoutes } from "../../modules/loans/cob/batch.routes.ts";
import { registerRepaymentImportRoutes } from "../../modules/loans/imports/imports.routes.ts";
import { registerLoanRoutes } from "../../modules/loans/loans.routes.ts";
import { registerWorkoutRoutes } from "../../modules/loans/workout.routes.ts";
import { registerOriginationRoutes } from "../../modules/origination/origination.routes.ts";
import { registerProductRoutes } from "../../modules/products/products.routes.ts";
import { registerReportRoutes } from "../../modules/reports/reports.routes.ts";
import { registerSettingsRoutes } from "../../modules/settings/settings.routes.ts";
import { registerStaffRoutes } from "../../modules/staff/staff.routes.ts";
import type { ModuleDeps } from "./app.ts";

export function registerModuleRoutes(api: FastifyInstance, deps: ModuleDeps): void {
  registerIdentityRoutes(api, deps);
  registerAuditRoutes(api, deps);
  registerCalculatorRoutes(api, deps);
  registerCustomerRoutes(api, deps);
  registerProductRoutes(api, deps);
  registerOriginationRoutes(api, deps);
  registerSettingsRoutes(api, deps);
  registerLoanRoutes(api, deps);
  registerWorkoutRoutes(api, deps);
  registerRepaymentImportRoutes(api, deps);
  registerBatchRoutes(api, deps);
  registerLedgerRoutes(api, deps);
  registerCapitalRoutes(api, deps);
  registerReportRoutes(api, deps);
  registerCollectionsRoutes(api, deps);
  registerStaffRoutes(api, deps);
  registerCompensationRoutes(api, deps);
  registerCrmRoutes(api, deps);
  registerCrmEngagementRoutes(api, deps);
}
