// Every module's tables, in one place for Drizzle's typed queries and drizzle-kit.
export * from "../modules/audit/audit.schema.ts";
export * from "../modules/identity/identity.schema.ts";
export * from "../modules/settings/settings.schema.ts";
export * from "../modules/staff/staff.schema.ts";
export * from "../modules/ledger/ledger.schema.ts";
export * from "../modules/loans/loans.schema.ts";
