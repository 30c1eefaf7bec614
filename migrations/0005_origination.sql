CREATE TABLE "application_events" (
	"id" serial PRIMARY KEY NOT NULL,
	"application_id" uuid NOT NULL,
	"action" text NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"actor_id" uuid,
	"actor_name" text NOT NULL,
	"comment" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "applications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"app_no" text NOT NULL,
	"customer_id" uuid NOT NULL,
	"product_id" uuid NOT NULL,
	"product_version" integer NOT NULL,
	"amount_fen" bigint NOT NULL,
	"term_months" integer NOT NULL,
	"purpose" text NOT NULL,
	"channel" text DEFAULT 'branch' NOT NULL,
	"status" text NOT NULL,
	"originator_id" uuid NOT NULL,
	"created_by" uuid,
	"interview" jsonb,
	"qualification" jsonb,
	"assessment" jsonb,
	"risk_plan" jsonb,
	"decision" jsonb,
	"reject_reason" text,
	"loan_id" uuid,
	"contract_file" text,
	"status_changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "applications_app_no_unique" UNIQUE("app_no")
);
--> statement-breakpoint
CREATE TABLE "committee_votes" (
	"application_id" uuid NOT NULL,
	"voter_id" uuid NOT NULL,
	"voter_name" text NOT NULL,
	"voter_role" text NOT NULL,
	"decision" text NOT NULL,
	"comment" text,
	"conditions" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "committee_votes_application_id_voter_id_pk" PRIMARY KEY("application_id","voter_id")
);
--> statement-breakpoint
CREATE TABLE "saved_views" (
	"id" serial PRIMARY KEY NOT NULL,
	"owner_id" uuid NOT NULL,
	"page" text NOT NULL,
	"name" text NOT NULL,
	"filters" jsonb NOT NULL,
	"shared" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "application_events_app_idx" ON "application_events" USING btree ("application_id","at");--> statement-breakpoint
CREATE INDEX "applications_status_idx" ON "applications" USING btree ("status");--> statement-breakpoint
CREATE INDEX "applications_customer_idx" ON "applications" USING btree ("customer_id");--> statement-breakpoint
CREATE INDEX "applications_originator_idx" ON "applications" USING btree ("originator_id");