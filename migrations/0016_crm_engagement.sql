CREATE TABLE "crm_appointments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"lead_id" uuid NOT NULL,
	"owner_id" uuid NOT NULL,
	"with_user_id" uuid,
	"with_name" text,
	"starts_at" timestamp with time zone NOT NULL,
	"place" text NOT NULL,
	"status" text DEFAULT 'scheduled' NOT NULL,
	"made_on" date NOT NULL,
	"call_id" uuid,
	"note" text,
	"outcome" text,
	"closed_at" timestamp with time zone,
	"closed_by" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "crm_daily_reports" (
	"report_date" date PRIMARY KEY NOT NULL,
	"content" jsonb NOT NULL,
	"trigger" text NOT NULL,
	"generated_by" uuid,
	"generated_by_name" text NOT NULL,
	"generated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "crm_feedback" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"ref_no" text NOT NULL,
	"kind" text NOT NULL,
	"category" text NOT NULL,
	"channel" text NOT NULL,
	"lead_id" uuid,
	"customer_id" uuid,
	"contact_name" text NOT NULL,
	"subject" text NOT NULL,
	"detail" text,
	"received_at" timestamp with time zone NOT NULL,
	"sla_hours" integer NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"owner_id" uuid,
	"status" text DEFAULT 'open' NOT NULL,
	"outcome" text,
	"resolved_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "crm_feedback_ref_no_unique" UNIQUE("ref_no")
);
--> statement-breakpoint
CREATE TABLE "crm_follow_ups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"lead_id" uuid NOT NULL,
	"owner_id" uuid,
	"due_on" date NOT NULL,
	"source" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"opened_at" timestamp with time zone NOT NULL,
	"done_at" timestamp with time zone,
	"done_call_id" uuid,
	"note" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "crm_kpi_daily" (
	"agent_id" uuid NOT NULL,
	"day" date NOT NULL,
	"outbound" integer DEFAULT 0 NOT NULL,
	"effective" integer DEFAULT 0 NOT NULL,
	"revisits" integer DEFAULT 0 NOT NULL,
	"inbound" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "crm_kpi_daily_agent_id_day_pk" PRIMARY KEY("agent_id","day")
);
--> statement-breakpoint
CREATE TABLE "crm_pk_contests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"unit_kind" text NOT NULL,
	"metric" text NOT NULL,
	"weights" jsonb,
	"participants" jsonb NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"reward" text,
	"status" text DEFAULT 'active' NOT NULL,
	"finalized_at" timestamp with time zone,
	"created_by" uuid,
	"created_by_name" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "crm_pk_results" (
	"contest_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"unit_name" text NOT NULL,
	"rank" integer NOT NULL,
	"score" text NOT NULL,
	"figures" jsonb NOT NULL,
	"winner" boolean DEFAULT false NOT NULL,
	CONSTRAINT "crm_pk_results_contest_id_unit_id_pk" PRIMARY KEY("contest_id","unit_id")
);
--> statement-breakpoint
CREATE TABLE "crm_team_targets" (
	"team_user_id" uuid NOT NULL,
	"month" text NOT NULL,
	"target_fen" bigint NOT NULL,
	"note" text,
	"updated_by" uuid,
	"updated_by_name" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "crm_team_targets_team_user_id_month_pk" PRIMARY KEY("team_user_id","month")
);
--> statement-breakpoint
ALTER TABLE "crm_appointments" ADD CONSTRAINT "crm_appointments_lead_id_crm_leads_id_fk" FOREIGN KEY ("lead_id") REFERENCES "public"."crm_leads"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crm_feedback" ADD CONSTRAINT "crm_feedback_lead_id_crm_leads_id_fk" FOREIGN KEY ("lead_id") REFERENCES "public"."crm_leads"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crm_follow_ups" ADD CONSTRAINT "crm_follow_ups_lead_id_crm_leads_id_fk" FOREIGN KEY ("lead_id") REFERENCES "public"."crm_leads"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crm_pk_results" ADD CONSTRAINT "crm_pk_results_contest_id_crm_pk_contests_id_fk" FOREIGN KEY ("contest_id") REFERENCES "public"."crm_pk_contests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "crm_appointments_owner_idx" ON "crm_appointments" USING btree ("owner_id","made_on");--> statement-breakpoint
CREATE INDEX "crm_appointments_starts_idx" ON "crm_appointments" USING btree ("starts_at");--> statement-breakpoint
CREATE INDEX "crm_appointments_with_idx" ON "crm_appointments" USING btree ("with_user_id","starts_at");--> statement-breakpoint
CREATE INDEX "crm_appointments_lead_idx" ON "crm_appointments" USING btree ("lead_id");--> statement-breakpoint
CREATE INDEX "crm_feedback_status_idx" ON "crm_feedback" USING btree ("status","due_at");--> statement-breakpoint
CREATE INDEX "crm_feedback_owner_idx" ON "crm_feedback" USING btree ("owner_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "crm_follow_ups_one_open_uq" ON "crm_follow_ups" USING btree ("lead_id") WHERE "crm_follow_ups"."status" = 'open';--> statement-breakpoint
CREATE INDEX "crm_follow_ups_owner_idx" ON "crm_follow_ups" USING btree ("owner_id","status","due_on");--> statement-breakpoint
CREATE INDEX "crm_follow_ups_lead_idx" ON "crm_follow_ups" USING btree ("lead_id","due_on");--> statement-breakpoint
CREATE INDEX "crm_kpi_daily_day_idx" ON "crm_kpi_daily" USING btree ("day");--> statement-breakpoint
CREATE INDEX "crm_pk_contests_period_idx" ON "crm_pk_contests" USING btree ("ends_on","starts_on");