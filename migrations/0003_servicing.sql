CREATE TABLE "collection_tasks" (
	"loan_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"bucket" text NOT NULL,
	"dpd" integer NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"assigned_to" uuid,
	"opened_on" date NOT NULL,
	"resolved_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "collection_tasks_loan_id_id_pk" PRIMARY KEY("loan_id","id")
);
--> statement-breakpoint
CREATE TABLE "notification_templates" (
	"code" text PRIMARY KEY NOT NULL,
	"channel" text DEFAULT 'sms' NOT NULL,
	"locale" text DEFAULT 'zh-CN' NOT NULL,
	"body" text NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notifications_outbox" (
	"loan_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"template_code" text NOT NULL,
	"channel" text NOT NULL,
	"customer_id" uuid NOT NULL,
	"period" integer NOT NULL,
	"due_date" date NOT NULL,
	"amount_fen" bigint NOT NULL,
	"body" text NOT NULL,
	"business_date" date NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"payload" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "notifications_outbox_loan_id_id_pk" PRIMARY KEY("loan_id","id")
);
--> statement-breakpoint
CREATE TABLE "funding_sources" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"source" text NOT NULL,
	"amount_fen" bigint NOT NULL,
	"received_on" date NOT NULL,
	"annual_rate" text,
	"maturity_date" date,
	"reference" text,
	"journal_entry_id" bigint NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "batch_jobs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text DEFAULT 'cob' NOT NULL,
	"target_date" date NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"progress" jsonb,
	"error" text,
	"trigger" text NOT NULL,
	"requested_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "loan_transactions" (
	"loan_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"tx_date" date NOT NULL,
	"amount_fen" bigint NOT NULL,
	"channel" text,
	"reference" text,
	"principal_fen" bigint DEFAULT 0 NOT NULL,
	"interest_fen" bigint DEFAULT 0 NOT NULL,
	"fee_fen" bigint DEFAULT 0 NOT NULL,
	"penalty_fen" bigint DEFAULT 0 NOT NULL,
	"credit_fen" bigint DEFAULT 0 NOT NULL,
	"allocation" jsonb NOT NULL,
	"schedule_before" jsonb,
	"settlement" text,
	"journal_entry_id" bigint,
	"reversal_of" uuid,
	"reversed_by" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "loan_transactions_loan_id_id_pk" PRIMARY KEY("loan_id","id")
);
--> statement-breakpoint
CREATE TABLE "repayment_reversals" (
	"loan_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"transaction_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"proposed_by" uuid,
	"proposed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"reversal_transaction_id" uuid,
	CONSTRAINT "repayment_reversals_loan_id_id_pk" PRIMARY KEY("loan_id","id")
);
--> statement-breakpoint
ALTER TABLE "installments" ADD COLUMN "recognised_date" date;--> statement-breakpoint
ALTER TABLE "loans" ADD COLUMN "provision_fen" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "collection_tasks_one_open_uq" ON "collection_tasks" USING btree ("loan_id") WHERE "collection_tasks"."status" = 'open';--> statement-breakpoint
CREATE INDEX "collection_tasks_status_idx" ON "collection_tasks" USING btree ("status","bucket");--> statement-breakpoint
CREATE UNIQUE INDEX "notifications_outbox_once_uq" ON "notifications_outbox" USING btree ("loan_id","template_code","period","due_date");--> statement-breakpoint
CREATE INDEX "notifications_outbox_status_idx" ON "notifications_outbox" USING btree ("status","business_date");--> statement-breakpoint
CREATE INDEX "batch_jobs_status_idx" ON "batch_jobs" USING btree ("status");--> statement-breakpoint
CREATE INDEX "loan_transactions_date_idx" ON "loan_transactions" USING btree ("tx_date");--> statement-breakpoint
CREATE INDEX "repayment_reversals_tx_idx" ON "repayment_reversals" USING btree ("loan_id","transaction_id");--> statement-breakpoint
CREATE INDEX "loans_cob_idx" ON "loans" USING btree ("status","last_closed_date");