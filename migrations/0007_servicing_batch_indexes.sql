DROP INDEX "loans_cob_idx";--> statement-breakpoint
CREATE INDEX "installments_open_idx" ON "installments" USING btree ("loan_id","due_date") WHERE "installments"."paid_off_date" is null;--> statement-breakpoint
CREATE INDEX "installments_unrecognised_idx" ON "installments" USING btree ("loan_id","due_date") WHERE "installments"."recognised_date" is null;