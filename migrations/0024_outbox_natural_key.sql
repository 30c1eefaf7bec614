DROP INDEX "notifications_outbox_once_uq";--> statement-breakpoint
ALTER TABLE "notifications_outbox" DROP CONSTRAINT "notifications_outbox_loan_id_id_pk";--> statement-breakpoint
ALTER TABLE "notifications_outbox" ADD CONSTRAINT "notifications_outbox_pk" PRIMARY KEY("due_date","loan_id","template_code","period");