CREATE TABLE "collection_actions" (
	"loan_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"task_id" uuid NOT NULL,
	"contact_key" text NOT NULL,
	"party" text NOT NULL,
	"method" text NOT NULL,
	"purpose" text NOT NULL,
	"outcome" text NOT NULL,
	"unanswered" boolean NOT NULL,
	"note" text,
	"occurred_at" timestamp with time zone NOT NULL,
	"contact_day" date NOT NULL,
	"promise_id" uuid,
	"next_action_date" date,
	"actor_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "collection_actions_loan_id_id_pk" PRIMARY KEY("loan_id","id")
);
--> statement-breakpoint
CREATE TABLE "collection_collectors" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"queues" text[] NOT NULL,
	"capacity" integer,
	"active" boolean DEFAULT true NOT NULL,
	"last_assigned_seq" bigint DEFAULT 0 NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "collection_consents" (
	"loan_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"contact_key" text NOT NULL,
	"window_start" text NOT NULL,
	"window_end" text NOT NULL,
	"valid_from" date NOT NULL,
	"valid_until" date,
	"evidence" text NOT NULL,
	"recorded_by" uuid,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone,
	"revoked_by" uuid,
	"revoke_reason" text,
	CONSTRAINT "collection_consents_loan_id_id_pk" PRIMARY KEY("loan_id","id")
);
--> statement-breakpoint
CREATE TABLE "collection_contacts" (
	"loan_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"party" text NOT NULL,
	"relation" text DEFAULT 'other' NOT NULL,
	"name" text NOT NULL,
	"phone_enc" text,
	"phone_masked" text,
	"address" text,
	"active" boolean DEFAULT true NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "collection_contacts_loan_id_id_pk" PRIMARY KEY("loan_id","id")
);
--> statement-breakpoint
CREATE TABLE "collection_promises" (
	"loan_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"task_id" uuid NOT NULL,
	"action_id" uuid NOT NULL,
	"amount_fen" bigint NOT NULL,
	"promised_date" date NOT NULL,
	"made_on" date NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"paid_fen" bigint DEFAULT 0 NOT NULL,
	"resolved_on" date,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "collection_promises_loan_id_id_pk" PRIMARY KEY("loan_id","id")
);
--> statement-breakpoint
CREATE TABLE "collection_task_events" (
	"loan_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"task_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"detail" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"business_date" date NOT NULL,
	"actor_id" uuid,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "collection_task_events_loan_id_id_pk" PRIMARY KEY("loan_id","id")
);
--> statement-breakpoint
CREATE TABLE "crm_lead_agents" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"away_until" date,
	"away_note" text,
	"max_open_leads" integer,
	"last_assigned_at" timestamp with time zone,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "collection_tasks" ADD COLUMN "queue" text DEFAULT 'standard' NOT NULL;--> statement-breakpoint
ALTER TABLE "collection_tasks" ADD COLUMN "priority" text DEFAULT 'normal' NOT NULL;--> statement-breakpoint
ALTER TABLE "collection_tasks" ADD COLUMN "broken_promises" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "collection_tasks" ADD COLUMN "assigned_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "collection_tasks" ADD COLUMN "escalated_on" date;--> statement-breakpoint
ALTER TABLE "collection_tasks" ADD COLUMN "last_action_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "collection_tasks" ADD COLUMN "last_action_method" text;--> statement-breakpoint
ALTER TABLE "collection_tasks" ADD COLUMN "last_action_outcome" text;--> statement-breakpoint
ALTER TABLE "collection_tasks" ADD COLUMN "next_action_date" date;--> statement-breakpoint
ALTER TABLE "crm_call_imports" ADD COLUMN "linked_rows" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "crm_call_imports" ADD COLUMN "error_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "crm_call_imports" ADD COLUMN "vendor" text;--> statement-breakpoint
CREATE INDEX "collection_actions_attempts_idx" ON "collection_actions" USING btree ("loan_id","contact_key","method","contact_day");--> statement-breakpoint
CREATE INDEX "collection_actions_actor_day_idx" ON "collection_actions" USING btree ("actor_id","contact_day");--> statement-breakpoint
CREATE INDEX "collection_actions_day_idx" ON "collection_actions" USING btree ("contact_day");--> statement-breakpoint
CREATE UNIQUE INDEX "collection_promises_one_pending_uq" ON "collection_promises" USING btree ("loan_id","task_id") WHERE "collection_promises"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "collection_promises_status_idx" ON "collection_promises" USING btree ("status","resolved_on");--> statement-breakpoint
CREATE INDEX "collection_task_events_task_idx" ON "collection_task_events" USING btree ("loan_id","task_id");--> statement-breakpoint
CREATE INDEX "collection_tasks_assignee_idx" ON "collection_tasks" USING btree ("assigned_to","status");