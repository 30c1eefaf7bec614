CREATE TABLE "repayment_import_rows" (
	"import_id" uuid NOT NULL,
	"row_no" integer NOT NULL,
	"cells_sealed" text NOT NULL,
	"tx_date" date,
	"amount_fen" bigint,
	"payer_name" text,
	"payer_account_masked" text,
	"payer_account_index" text,
	"memo" text,
	"reference" text,
	"status" text NOT NULL,
	"reason" text,
	"candidates" jsonb,
	"loan_id" uuid,
	"matched_by" text,
	"chosen_loan_id" uuid,
	"excluded" text,
	"transaction_id" uuid,
	"post_error" text,
	"post_error_params" jsonb,
	CONSTRAINT "repayment_import_rows_import_id_row_no_pk" PRIMARY KEY("import_id","row_no")
);
--> statement-breakpoint
CREATE TABLE "repayment_imports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"file_name" text NOT NULL,
	"file_kind" text NOT NULL,
	"file_sha256" text NOT NULL,
	"channel" text NOT NULL,
	"status" text DEFAULT 'previewed' NOT NULL,
	"header_row" integer,
	"headers" jsonb NOT NULL,
	"mapping" jsonb NOT NULL,
	"row_count" integer NOT NULL,
	"posted_count" integer DEFAULT 0 NOT NULL,
	"posted_amount_fen" bigint DEFAULT 0 NOT NULL,
	"failed_count" integer DEFAULT 0 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"posted_by" uuid,
	"posted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE INDEX "repayment_import_rows_status_idx" ON "repayment_import_rows" USING btree ("import_id","status");--> statement-breakpoint
CREATE INDEX "repayment_import_rows_account_idx" ON "repayment_import_rows" USING btree ("payer_account_index");--> statement-breakpoint
CREATE INDEX "repayment_imports_created_idx" ON "repayment_imports" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "loan_transactions_reference_idx" ON "loan_transactions" USING btree ("reference");