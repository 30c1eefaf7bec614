CREATE TABLE "journal_entries" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "journal_entries_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"entry_date" date NOT NULL,
	"kind" text NOT NULL,
	"description" text NOT NULL,
	"loan_id" uuid,
	"source_type" text,
	"source_id" text,
	"reversal_of" bigint,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "journal_lines" (
	"entry_id" bigint NOT NULL,
	"line_no" integer NOT NULL,
	"account_code" text NOT NULL,
	"debit_fen" bigint DEFAULT 0 NOT NULL,
	"credit_fen" bigint DEFAULT 0 NOT NULL,
	"loan_id" uuid,
	"entry_date" date NOT NULL,
	CONSTRAINT "journal_lines_entry_id_line_no_pk" PRIMARY KEY("entry_id","line_no")
);
--> statement-breakpoint
CREATE TABLE "ledger_accounts" (
	"code" text PRIMARY KEY NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	"type" text NOT NULL,
	"normal_side" text NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "installments" (
	"loan_id" uuid NOT NULL,
	"period" integer NOT NULL,
	"due_date" date NOT NULL,
	"principal_due_fen" bigint NOT NULL,
	"interest_due_fen" bigint NOT NULL,
	"fee_due_fen" bigint DEFAULT 0 NOT NULL,
	"penalty_accrued_fen" bigint DEFAULT 0 NOT NULL,
	"principal_paid_fen" bigint DEFAULT 0 NOT NULL,
	"interest_paid_fen" bigint DEFAULT 0 NOT NULL,
	"fee_paid_fen" bigint DEFAULT 0 NOT NULL,
	"penalty_paid_fen" bigint DEFAULT 0 NOT NULL,
	"paid_off_date" date,
	CONSTRAINT "installments_loan_id_period_pk" PRIMARY KEY("loan_id","period")
);
--> statement-breakpoint
CREATE TABLE "loans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"loan_no" text NOT NULL,
	"application_id" uuid,
	"customer_id" uuid NOT NULL,
	"product_id" uuid,
	"officer_id" uuid,
	"principal_fen" bigint NOT NULL,
	"annual_rate" text NOT NULL,
	"penalty_rate" text NOT NULL,
	"method" text NOT NULL,
	"term_months" integer NOT NULL,
	"day_basis" integer DEFAULT 360 NOT NULL,
	"rounding" text DEFAULT 'half-up' NOT NULL,
	"start_date" date NOT NULL,
	"maturity_date" date NOT NULL,
	"upfront_fee_fen" bigint DEFAULT 0 NOT NULL,
	"apr" text NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"principal_outstanding_fen" bigint NOT NULL,
	"credit_balance_fen" bigint DEFAULT 0 NOT NULL,
	"dpd" integer DEFAULT 0 NOT NULL,
	"bucket" text DEFAULT 'M0' NOT NULL,
	"classification" text DEFAULT 'normal' NOT NULL,
	"last_closed_date" date,
	"disbursement_channel" text NOT NULL,
	"disbursement_reference" text,
	"disbursed_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_at" timestamp with time zone,
	CONSTRAINT "loans_loan_no_unique" UNIQUE("loan_no")
);
--> statement-breakpoint
ALTER TABLE "journal_lines" ADD CONSTRAINT "journal_lines_account_code_ledger_accounts_code_fk" FOREIGN KEY ("account_code") REFERENCES "public"."ledger_accounts"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "journal_entries_date_idx" ON "journal_entries" USING btree ("entry_date");--> statement-breakpoint
CREATE INDEX "journal_entries_loan_idx" ON "journal_entries" USING btree ("loan_id");--> statement-breakpoint
CREATE INDEX "journal_lines_account_date_idx" ON "journal_lines" USING btree ("account_code","entry_date");--> statement-breakpoint
CREATE INDEX "journal_lines_loan_idx" ON "journal_lines" USING btree ("loan_id");--> statement-breakpoint
CREATE INDEX "installments_due_idx" ON "installments" USING btree ("due_date");--> statement-breakpoint
CREATE INDEX "loans_customer_idx" ON "loans" USING btree ("customer_id");--> statement-breakpoint
CREATE INDEX "loans_officer_idx" ON "loans" USING btree ("officer_id");--> statement-breakpoint
CREATE INDEX "loans_status_idx" ON "loans" USING btree ("status");--> statement-breakpoint
CREATE INDEX "loans_start_idx" ON "loans" USING btree ("start_date");