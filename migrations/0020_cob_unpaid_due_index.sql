DROP INDEX "loans_overdue_since_idx";--> statement-breakpoint
CREATE INDEX "installments_unpaid_due_idx" ON "installments" USING btree ("due_date","loan_id","period","principal_due_fen","interest_due_fen","fee_due_fen","penalty_accrued_fen","principal_paid_fen","interest_paid_fen","fee_paid_fen","penalty_paid_fen","recognised_date","paid_off_date") WHERE "installments"."paid_off_date" is null;--> statement-breakpoint
CREATE INDEX "loans_overdue_since_idx" ON "loans" USING btree ("overdue_since","id") WHERE "loans"."overdue_since" is not null;--> statement-breakpoint
-- The close of business reads installments_unpaid_due_idx without visiting the table only where the
-- visibility map says a page is all-visible; payments dirty pages every day, so vacuum it more often
-- than the default 20% of dead rows.
ALTER TABLE "installments" SET (autovacuum_vacuum_scale_factor = 0.02, autovacuum_analyze_scale_factor = 0.02);
