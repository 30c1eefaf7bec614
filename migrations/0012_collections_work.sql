ALTER TABLE "loans" ADD COLUMN "schedule_version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "loans" ADD COLUMN "restructured_on" date;--> statement-breakpoint
ALTER TABLE "loans" ADD COLUMN "schedule_period_base" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "loans" ADD COLUMN "classification_floor" text;--> statement-breakpoint
ALTER TABLE "loans" ADD COLUMN "classification_floor_until" date;