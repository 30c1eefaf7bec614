CREATE TABLE "setting_proposals" (
	"id" serial PRIMARY KEY NOT NULL,
	"key" text NOT NULL,
	"value" jsonb NOT NULL,
	"effective_from" date NOT NULL,
	"note" text,
	"status" text DEFAULT 'pending' NOT NULL,
	"proposed_by" uuid NOT NULL,
	"proposed_by_name" text NOT NULL,
	"proposed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_by" uuid,
	"decided_by_name" text,
	"decided_at" timestamp with time zone,
	"decision_note" text
);
--> statement-breakpoint
CREATE INDEX "setting_proposals_status_idx" ON "setting_proposals" USING btree ("status");--> statement-breakpoint
-- Settings became maker–checker: built-in roles that read the business get settings.read, the GM approves.
UPDATE "roles" SET "permissions" = "permissions" || '["settings.read"]'::jsonb WHERE "built_in" AND "key" IN ('gm','risk','finance','sales-director','team-manager','compliance','admin') AND NOT ("permissions" ? 'settings.read');
--> statement-breakpoint
UPDATE "roles" SET "permissions" = "permissions" || '["settings.approve"]'::jsonb WHERE "built_in" AND "key" = 'gm' AND NOT ("permissions" ? 'settings.approve');
