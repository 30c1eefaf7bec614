CREATE TABLE "installment_history" (
	"loan_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"period" integer NOT NULL,
	"restructuring_id" uuid NOT NULL,
	"replaced_on" date NOT NULL,
	"due_date" date NOT NULL,
	"principal_due_fen" bigint NOT NULL,
	"interest_due_fen" bigint NOT NULL,
	"fee_due_fen" bigint NOT NULL,
	"penalty_accrued_fen" bigint NOT NULL,
	"principal_paid_fen" bigint NOT NULL,
	"interest_paid_fen" bigint NOT NULL,
	"fee_paid_fen" bigint NOT NULL,
	"penalty_paid_fen" bigint NOT NULL,
	"paid_off_date" date,
	"recognised_date" date,
	CONSTRAINT "installment_history_loan_id_version_period_pk" PRIMARY KEY("loan_id","version","period")
);
--> statement-breakpoint
CREATE TABLE "loan_restructurings" (
	"loan_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"status" text DEFAULT 'pending-cosign' NOT NULL,
	"term_months" integer NOT NULL,
	"extension_months" integer NOT NULL,
	"annual_rate" text NOT NULL,
	"method" text NOT NULL,
	"capitalise_arrears" boolean NOT NULL,
	"reason" text NOT NULL,
	"proposal" jsonb NOT NULL,
	"proposed_by" uuid,
	"proposed_by_name" text,
	"proposed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"cosigned_by" uuid,
	"cosigned_by_name" text,
	"cosigned_at" timestamp with time zone,
	"cosign_comment" text,
	"decided_at" timestamp with time zone,
	"applied_on" date,
	"from_version" integer,
	"to_version" integer,
	"result" jsonb,
	"journal_entry_id" bigint,
	CONSTRAINT "loan_restructurings_loan_id_id_pk" PRIMARY KEY("loan_id","id")
);
--> statement-breakpoint
CREATE TABLE "loan_write_offs" (
	"loan_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"reason" text NOT NULL,
	"dpd_at_proposal" integer NOT NULL,
	"proposed_by" uuid,
	"proposed_by_name" text,
	"proposed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_by" uuid,
	"decided_by_name" text,
	"decided_at" timestamp with time zone,
	"decision_comment" text,
	"written_off_on" date,
	"principal_fen" bigint DEFAULT 0 NOT NULL,
	"interest_fen" bigint DEFAULT 0 NOT NULL,
	"penalty_fen" bigint DEFAULT 0 NOT NULL,
	"fee_fen" bigint DEFAULT 0 NOT NULL,
	"provision_used_fen" bigint DEFAULT 0 NOT NULL,
	"expense_fen" bigint DEFAULT 0 NOT NULL,
	"recovered_fen" bigint DEFAULT 0 NOT NULL,
	"journal_entry_id" bigint,
	CONSTRAINT "loan_write_offs_loan_id_id_pk" PRIMARY KEY("loan_id","id")
);
--> statement-breakpoint
CREATE TABLE "restructuring_votes" (
	"loan_id" uuid NOT NULL,
	"restructuring_id" uuid NOT NULL,
	"voter_id" uuid NOT NULL,
	"voter_name" text NOT NULL,
	"seat" text NOT NULL,
	"decision" text NOT NULL,
	"comment" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "restructuring_votes_loan_id_restructuring_id_voter_id_pk" PRIMARY KEY("loan_id","restructuring_id","voter_id")
);
--> statement-breakpoint
CREATE INDEX "loan_restructurings_status_idx" ON "loan_restructurings" USING btree ("status");--> statement-breakpoint
CREATE UNIQUE INDEX "loan_restructurings_one_pending_uq" ON "loan_restructurings" USING btree ("loan_id") WHERE "loan_restructurings"."status" in ('pending-cosign', 'pending-committee');--> statement-breakpoint
CREATE INDEX "loan_write_offs_status_idx" ON "loan_write_offs" USING btree ("status");--> statement-breakpoint
CREATE UNIQUE INDEX "loan_write_offs_one_open_uq" ON "loan_write_offs" USING btree ("loan_id") WHERE "loan_write_offs"."status" in ('pending', 'approved');--> statement-breakpoint
CREATE UNIQUE INDEX "restructuring_votes_one_per_seat_uq" ON "restructuring_votes" USING btree ("loan_id","restructuring_id","seat");