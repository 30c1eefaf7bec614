CREATE TABLE "role_permission_grants" (
	"permission" text PRIMARY KEY NOT NULL,
	"granted_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
-- The permissions that existed when settings became maker–checker (0006) were given to the built-in
-- roles by seeding or by that migration; anything added since (payroll.read, probation.approve,
-- ranks.confirm, and later ones) is granted once on the next start by ensureBuiltInRoles.
INSERT INTO "role_permission_grants" ("permission") VALUES ('applications.create'),('applications.read'),('applications.review'),('applications.vote'),('audit.read'),('batch.run'),('collections.work'),('crm.calls'),('crm.leads'),('crm.manage'),('customers.read'),('customers.write'),('kpi.read'),('ledger.read'),('loans.disburse'),('loans.read'),('payroll.approve'),('payroll.own'),('payroll.prepare'),('pii.unmask'),('products.manage'),('products.read'),('repayments.approve'),('repayments.post'),('reports.read'),('service.feedback'),('settings.approve'),('settings.manage'),('settings.read'),('staff.manage'),('staff.read'),('users.manage') ON CONFLICT DO NOTHING;
