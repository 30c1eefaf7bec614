CREATE TABLE "crm_appointment_reminders" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"appointment_id" uuid NOT NULL,
	"lead_id" uuid NOT NULL,
	"channel" text DEFAULT 'sms' NOT NULL,
	"body" text NOT NULL,
	"queued_on" date NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "crm_appointment_reminders" ADD CONSTRAINT "crm_appointment_reminders_appointment_id_crm_appointments_id_fk" FOREIGN KEY ("appointment_id") REFERENCES "public"."crm_appointments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "crm_appointment_reminders_once_uq" ON "crm_appointment_reminders" USING btree ("appointment_id");--> statement-breakpoint
CREATE INDEX "crm_appointment_reminders_status_idx" ON "crm_appointment_reminders" USING btree ("status","queued_on");