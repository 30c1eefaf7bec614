// Every module's tables, in one place for Drizzle's typed queries and drizzle-kit.
export * from "../modules/audit/audit.schema.ts";
export * from "../modules/collections/collections.schema.ts";
export * from "../modules/compensation/compensation.schema.ts";
export * from "../modules/crm/crm.schema.ts";
export * from "../modules/customers/customers.schema.ts";
export * from "../modules/identity/identity.schema.ts";
export * from "../modules/ledger/capital.schema.ts";
export * from "../modules/ledger/ledger.schema.ts";
export * from "../modules/loans/cob/cob.schema.ts";
export * from "../modules/loans/loans.schema.ts";
export * from "../modules/loans/servicing.schema.ts";
export * from "../modules/origination/origination.schema.ts";
export * from "../modules/products/products.schema.ts";
export * from "../modules/settings/settings.schema.ts";
export * from "../modules/staff/staff.schema.ts";
