CREATE TABLE "cob_chunks" (
	"business_date" date NOT NULL,
	"chunk_no" integer NOT NULL,
	"from_id" uuid,
	"to_id" uuid,
	"from_date" date NOT NULL,
	"closed_at" timestamp with time zone,
	"result" jsonb,
	CONSTRAINT "cob_chunks_business_date_chunk_no_pk" PRIMARY KEY("business_date","chunk_no")
);
--> statement-breakpoint
DROP INDEX "installments_due_idx";--> statement-breakpoint
DROP INDEX "installments_unrecognised_idx";--> statement-breakpoint
ALTER TABLE "loans" ADD COLUMN "overdue_since" date;--> statement-breakpoint
ALTER TABLE "loans" ADD COLUMN "accrued_through" date;--> statement-breakpoint
CREATE INDEX "installments_due_loan_idx" ON "installments" USING btree ("due_date","loan_id");--> statement-breakpoint
CREATE INDEX "loans_overdue_since_idx" ON "loans" USING btree ("overdue_since") WHERE "loans"."overdue_since" is not null;--> statement-breakpoint
CREATE INDEX "loans_individual_close_idx" ON "loans" USING btree ("last_closed_date") WHERE "loans"."last_closed_date" is not null and "loans"."status" = 'active';--> statement-breakpoint
-- Active loans closed night by night by the earlier batch: their penalty is written down to their
-- closed date, and DPD is now derived from their oldest overdue due date (docs/adr/007).
UPDATE "loans" SET "accrued_through" = "last_closed_date" WHERE "status" = 'active';--> statement-breakpoint
UPDATE "loans" l SET "overdue_since" = (SELECT min(i."due_date") FROM "installments" i
  WHERE i."loan_id" = l."id" AND i."paid_off_date" IS NULL AND i."due_date" < l."last_closed_date")
WHERE l."status" = 'active' AND l."dpd" > 0;
