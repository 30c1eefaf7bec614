CREATE TABLE "crm_call_imports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"file_name" text NOT NULL,
	"status" text NOT NULL,
	"total_rows" integer DEFAULT 0 NOT NULL,
	"imported_rows" integer DEFAULT 0 NOT NULL,
	"duplicate_rows" integer DEFAULT 0 NOT NULL,
	"errors" jsonb,
	"imported_by" uuid,
	"imported_by_name" text,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "crm_call_outcomes" (
	"code" text PRIMARY KEY NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	"connected" boolean DEFAULT false NOT NULL,
	"effective" boolean DEFAULT false NOT NULL,
	"intent" boolean DEFAULT false NOT NULL,
	"appointment" boolean DEFAULT false NOT NULL,
	"do_not_call" boolean DEFAULT false NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "crm_calls" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"lead_id" uuid,
	"customer_id" uuid,
	"agent_id" uuid NOT NULL,
	"direction" text NOT NULL,
	"caller_masked" text,
	"callee_masked" text,
	"counterpart_index" text,
	"started_at" timestamp with time zone NOT NULL,
	"answered_at" timestamp with time zone,
	"ended_at" timestamp with time zone,
	"talk_seconds" integer DEFAULT 0 NOT NULL,
	"outcome_code" text,
	"vendor_result" text,
	"connected" boolean NOT NULL,
	"effective" boolean NOT NULL,
	"intent" boolean DEFAULT false NOT NULL,
	"appointment" boolean DEFAULT false NOT NULL,
	"note" text,
	"next_step" text,
	"recording_url" text,
	"vendor" text,
	"vendor_call_id" text,
	"import_id" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "crm_campaigns" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"channel" text NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date,
	"cost_fen" bigint DEFAULT 0 NOT NULL,
	"notes" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "crm_lead_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"lead_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"from_value" text,
	"to_value" text,
	"owner_id" uuid,
	"actor_id" uuid,
	"actor_name" text,
	"note" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "crm_leads" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"phone_enc" text NOT NULL,
	"phone_index" text NOT NULL,
	"phone_masked" text NOT NULL,
	"id_number_enc" text,
	"id_number_index" text,
	"id_number_masked" text,
	"source" text NOT NULL,
	"referrer" text,
	"campaign_id" uuid,
	"stage" text DEFAULT 'new' NOT NULL,
	"invalid_reason" text,
	"intent_level" text,
	"owner_id" uuid,
	"wanted_amount_fen" bigint,
	"purpose" text,
	"city" text,
	"notes" text,
	"next_follow_up_on" date,
	"last_contact_at" timestamp with time zone,
	"do_not_call" boolean DEFAULT false NOT NULL,
	"customer_id" uuid,
	"application_id" uuid,
	"merged_into" uuid,
	"stage_changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "crm_lead_events" ADD CONSTRAINT "crm_lead_events_lead_id_crm_leads_id_fk" FOREIGN KEY ("lead_id") REFERENCES "public"."crm_leads"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crm_leads" ADD CONSTRAINT "crm_leads_campaign_id_crm_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."crm_campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "crm_calls_vendor_uq" ON "crm_calls" USING btree ("vendor","vendor_call_id") WHERE "crm_calls"."vendor_call_id" is not null;--> statement-breakpoint
CREATE INDEX "crm_calls_agent_day_idx" ON "crm_calls" USING btree ("agent_id","started_at");--> statement-breakpoint
CREATE INDEX "crm_calls_started_idx" ON "crm_calls" USING btree ("started_at");--> statement-breakpoint
CREATE INDEX "crm_calls_lead_idx" ON "crm_calls" USING btree ("lead_id","started_at");--> statement-breakpoint
CREATE INDEX "crm_lead_events_lead_idx" ON "crm_lead_events" USING btree ("lead_id","at");--> statement-breakpoint
CREATE INDEX "crm_lead_events_kpi_idx" ON "crm_lead_events" USING btree ("kind","at");--> statement-breakpoint
CREATE INDEX "crm_leads_owner_idx" ON "crm_leads" USING btree ("owner_id","stage");--> statement-breakpoint
CREATE INDEX "crm_leads_phone_idx" ON "crm_leads" USING btree ("phone_index");--> statement-breakpoint
CREATE INDEX "crm_leads_id_number_idx" ON "crm_leads" USING btree ("id_number_index");--> statement-breakpoint
CREATE INDEX "crm_leads_follow_up_idx" ON "crm_leads" USING btree ("next_follow_up_on");--> statement-breakpoint
CREATE INDEX "crm_leads_campaign_idx" ON "crm_leads" USING btree ("campaign_id");