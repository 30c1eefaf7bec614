CREATE TABLE "pay_plan_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"effective_month" text NOT NULL,
	"plan" jsonb NOT NULL,
	"note" text,
	"created_by" uuid,
	"created_by_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "pay_plan_versions_plan_version_uq" UNIQUE("plan_id","version")
);
--> statement-breakpoint
CREATE TABLE "pay_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "pay_plans_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "payroll_disputes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"run_id" uuid NOT NULL,
	"statement_id" uuid NOT NULL,
	"line_id" uuid NOT NULL,
	"raised_by" uuid NOT NULL,
	"raised_by_name" text NOT NULL,
	"comment" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"answer" text,
	"answered_by" uuid,
	"answered_by_name" text,
	"answered_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "payroll_lines" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"statement_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"code" text NOT NULL,
	"amount_fen" bigint NOT NULL,
	"explanation_zh" text NOT NULL,
	"explanation_en" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "payroll_run_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"run_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"plan_version_id" uuid NOT NULL,
	"reason" text,
	"computed_by" uuid,
	"computed_by_name" text NOT NULL,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"headcount" integer NOT NULL,
	"loan_count" integer NOT NULL,
	"principal_fen" bigint NOT NULL,
	"total_fen" bigint NOT NULL,
	"warnings" jsonb NOT NULL,
	CONSTRAINT "payroll_run_versions_run_version_uq" UNIQUE("run_id","version")
);
--> statement-breakpoint
CREATE TABLE "payroll_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"month" text NOT NULL,
	"plan_id" uuid NOT NULL,
	"status" text NOT NULL,
	"current_version" integer NOT NULL,
	"prepared_by" uuid,
	"prepared_by_name" text NOT NULL,
	"reviewed_by" uuid,
	"reviewed_by_name" text,
	"reviewed_at" timestamp with time zone,
	"approved_by" uuid,
	"approved_by_name" text,
	"approved_at" timestamp with time zone,
	"locked_by" uuid,
	"locked_by_name" text,
	"locked_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "payroll_runs_month_unique" UNIQUE("month")
);
--> statement-breakpoint
CREATE TABLE "payroll_statements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"run_id" uuid NOT NULL,
	"run_version_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"staff_id" uuid NOT NULL,
	"user_id" uuid,
	"employee_no" text NOT NULL,
	"name" text NOT NULL,
	"position" text NOT NULL,
	"department_name" text,
	"manager_staff_id" uuid,
	"joined_on" text NOT NULL,
	"left_on" text,
	"stage" text NOT NULL,
	"loan_count" integer NOT NULL,
	"annualized_fen" bigint NOT NULL,
	"target_fen" bigint,
	"base_salary_fen" bigint NOT NULL,
	"deduction_fen" bigint NOT NULL,
	"commission_fen" bigint NOT NULL,
	"management_commission_fen" bigint NOT NULL,
	"total_fen" bigint NOT NULL,
	"warnings" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rank_proposals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"review_id" uuid NOT NULL,
	"staff_id" uuid NOT NULL,
	"from_rank" text NOT NULL,
	"to_rank" text NOT NULL,
	"direction" text NOT NULL,
	"reason" text NOT NULL,
	"performance_fen" bigint NOT NULL,
	"target_fen" bigint NOT NULL,
	"is_protected" boolean NOT NULL,
	"protected_until" date NOT NULL,
	"effective_from" date NOT NULL,
	"status" text NOT NULL,
	"decided_by" uuid,
	"decided_by_name" text,
	"decided_at" timestamp with time zone,
	"decision_note" text
);
--> statement-breakpoint
CREATE TABLE "rank_reviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"quarter" text NOT NULL,
	"status" text DEFAULT 'current' NOT NULL,
	"rules" jsonb NOT NULL,
	"run_by" uuid,
	"run_by_name" text NOT NULL,
	"run_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "staff_assignments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"staff_id" uuid NOT NULL,
	"department_id" integer,
	"team" text,
	"manager_id" uuid,
	"position" text NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date,
	"reason" text NOT NULL,
	"note" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "staff_members" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid,
	"employee_no" text NOT NULL,
	"name" text NOT NULL,
	"position" text NOT NULL,
	"rank" text,
	"status" text NOT NULL,
	"joined_on" date NOT NULL,
	"left_on" date,
	"leave_reason" text,
	"leave_note" text,
	"recruitment_channel" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "staff_members_user_id_unique" UNIQUE("user_id"),
	CONSTRAINT "staff_members_employee_no_unique" UNIQUE("employee_no")
);
--> statement-breakpoint
CREATE TABLE "staff_probations" (
	"staff_id" uuid PRIMARY KEY NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"leader_decision" text,
	"leader_id" uuid,
	"leader_name" text,
	"leader_comment" text,
	"decided_at" timestamp with time zone,
	"outcome" text,
	"outcome_reason" text,
	"outcome_on" date
);
--> statement-breakpoint
CREATE TABLE "staff_rank_history" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"staff_id" uuid NOT NULL,
	"rank" text NOT NULL,
	"previous_rank" text,
	"effective_from" date NOT NULL,
	"reason" text NOT NULL,
	"proposal_id" uuid,
	"note" text,
	"created_by" uuid,
	"created_by_name" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "training_courses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"is_gate" boolean DEFAULT false NOT NULL,
	"pass_score" integer,
	"active" boolean DEFAULT true NOT NULL,
	CONSTRAINT "training_courses_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "training_results" (
	"session_id" uuid NOT NULL,
	"staff_id" uuid NOT NULL,
	"attended" boolean NOT NULL,
	"score" integer,
	"passed" boolean NOT NULL,
	"recorded_by" uuid,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "training_results_session_id_staff_id_pk" PRIMARY KEY("session_id","staff_id")
);
--> statement-breakpoint
CREATE TABLE "training_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"course_id" uuid NOT NULL,
	"held_on" date NOT NULL,
	"trainer" text,
	"location" text,
	"note" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "pay_plan_versions" ADD CONSTRAINT "pay_plan_versions_plan_id_pay_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."pay_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payroll_disputes" ADD CONSTRAINT "payroll_disputes_run_id_payroll_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."payroll_runs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payroll_run_versions" ADD CONSTRAINT "payroll_run_versions_run_id_payroll_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."payroll_runs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payroll_run_versions" ADD CONSTRAINT "payroll_run_versions_plan_version_id_pay_plan_versions_id_fk" FOREIGN KEY ("plan_version_id") REFERENCES "public"."pay_plan_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payroll_runs" ADD CONSTRAINT "payroll_runs_plan_id_pay_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."pay_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payroll_statements" ADD CONSTRAINT "payroll_statements_run_version_id_payroll_run_versions_id_fk" FOREIGN KEY ("run_version_id") REFERENCES "public"."payroll_run_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rank_proposals" ADD CONSTRAINT "rank_proposals_review_id_rank_reviews_id_fk" FOREIGN KEY ("review_id") REFERENCES "public"."rank_reviews"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rank_proposals" ADD CONSTRAINT "rank_proposals_staff_id_staff_members_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff_members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_assignments" ADD CONSTRAINT "staff_assignments_staff_id_staff_members_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff_members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_assignments" ADD CONSTRAINT "staff_assignments_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_probations" ADD CONSTRAINT "staff_probations_staff_id_staff_members_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff_members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_rank_history" ADD CONSTRAINT "staff_rank_history_staff_id_staff_members_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff_members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_results" ADD CONSTRAINT "training_results_session_id_training_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."training_sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_results" ADD CONSTRAINT "training_results_staff_id_staff_members_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff_members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_sessions" ADD CONSTRAINT "training_sessions_course_id_training_courses_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."training_courses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "payroll_disputes_run_idx" ON "payroll_disputes" USING btree ("run_id");--> statement-breakpoint
CREATE INDEX "payroll_disputes_statement_idx" ON "payroll_disputes" USING btree ("statement_id");--> statement-breakpoint
CREATE INDEX "payroll_lines_statement_idx" ON "payroll_lines" USING btree ("statement_id","seq");--> statement-breakpoint
CREATE INDEX "payroll_statements_version_idx" ON "payroll_statements" USING btree ("run_version_id","seq");--> statement-breakpoint
CREATE INDEX "payroll_statements_user_idx" ON "payroll_statements" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "rank_proposals_review_idx" ON "rank_proposals" USING btree ("review_id");--> statement-breakpoint
CREATE INDEX "rank_proposals_staff_idx" ON "rank_proposals" USING btree ("staff_id");--> statement-breakpoint
CREATE INDEX "rank_reviews_quarter_idx" ON "rank_reviews" USING btree ("quarter");--> statement-breakpoint
CREATE INDEX "staff_assignments_staff_idx" ON "staff_assignments" USING btree ("staff_id","valid_from");--> statement-breakpoint
CREATE INDEX "staff_assignments_manager_idx" ON "staff_assignments" USING btree ("manager_id");--> statement-breakpoint
CREATE INDEX "staff_members_status_idx" ON "staff_members" USING btree ("status");--> statement-breakpoint
CREATE INDEX "staff_members_position_idx" ON "staff_members" USING btree ("position");--> statement-breakpoint
CREATE INDEX "staff_rank_history_staff_idx" ON "staff_rank_history" USING btree ("staff_id","effective_from");--> statement-breakpoint
CREATE INDEX "training_results_staff_idx" ON "training_results" USING btree ("staff_id");--> statement-breakpoint
CREATE INDEX "training_sessions_held_idx" ON "training_sessions" USING btree ("held_on");--> statement-breakpoint
-- Reference data: the training steps of the business plan (培训流程). 通关训练 is the exam a probation
-- depends on (DOMAIN.md §6); its pass score is a row value, not code. Existing rows are left alone.
INSERT INTO "training_courses" ("code", "name_zh", "name_en", "sort_order", "is_gate", "pass_score") VALUES
  ('culture', '企业文化', 'Company culture', 1, false, NULL),
  ('sales-process', '销售流程', 'Sales process', 2, false, NULL),
  ('sales-skills', '销售技巧', 'Sales skills', 3, false, 60),
  ('product', '产品介绍', 'Product introduction', 4, false, 60),
  ('gate', '通关训练', 'Qualification drill (通关)', 5, true, 80)
ON CONFLICT ("code") DO NOTHING;
