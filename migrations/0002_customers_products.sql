CREATE TABLE "customer_consents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"customer_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"purpose" text NOT NULL,
	"granted_at" timestamp with time zone NOT NULL,
	"recorded_by" uuid,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone,
	"revoked_by" uuid,
	"revoke_reason" text
);
--> statement-breakpoint
CREATE TABLE "customer_documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"customer_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"storage_key" text NOT NULL,
	"uploaded_by" uuid,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "customers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"type" text NOT NULL,
	"name" text NOT NULL,
	"business_kind" text,
	"legal_representative" text,
	"segment" text NOT NULL,
	"id_number_enc" text NOT NULL,
	"id_number_index" text NOT NULL,
	"id_number_masked" text NOT NULL,
	"birth_date" date NOT NULL,
	"gender" text NOT NULL,
	"phone_enc" text NOT NULL,
	"phone_index" text NOT NULL,
	"phone_masked" text NOT NULL,
	"credit_code" text,
	"bank_card_enc" text,
	"bank_card_masked" text,
	"bank_name" text,
	"address" text,
	"occupation" text,
	"employer" text,
	"monthly_income_fen" bigint,
	"business_years" integer,
	"notes" text,
	"owner_id" uuid NOT NULL,
	"created_by" uuid,
	"blacklisted" boolean DEFAULT false NOT NULL,
	"blacklist_reason" text,
	"blacklisted_at" timestamp with time zone,
	"blacklisted_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "product_versions" (
	"product_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"effective_from" date NOT NULL,
	"status" text NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"method" text NOT NULL,
	"annual_rate" text NOT NULL,
	"min_amount_fen" bigint NOT NULL,
	"max_amount_fen" bigint NOT NULL,
	"term_options" jsonb NOT NULL,
	"upfront_fee_rate" text,
	"upfront_fee_fixed_fen" bigint DEFAULT 0 NOT NULL,
	"monthly_fee_rate" text,
	"monthly_fee_fixed_fen" bigint DEFAULT 0 NOT NULL,
	"penalty_rate" text NOT NULL,
	"prepayment_fee_rate" text NOT NULL,
	"guarantee_types" jsonb NOT NULL,
	"eligible_segments" jsonb NOT NULL,
	"min_age" integer NOT NULL,
	"max_age" integer NOT NULL,
	"max_debt_to_income" text,
	"required_documents" jsonb NOT NULL,
	"rounding" text NOT NULL,
	"day_basis" integer NOT NULL,
	"apr" text NOT NULL,
	"apr_compounded" text NOT NULL,
	"apr_max" text NOT NULL,
	"rate_flags" jsonb NOT NULL,
	"note" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "product_versions_product_id_version_pk" PRIMARY KEY("product_id","version")
);
--> statement-breakpoint
CREATE TABLE "products" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "products_code_unique" UNIQUE("code")
);
--> statement-breakpoint
ALTER TABLE "customer_consents" ADD CONSTRAINT "customer_consents_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_documents" ADD CONSTRAINT "customer_documents_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "product_versions" ADD CONSTRAINT "product_versions_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "customer_consents_customer_idx" ON "customer_consents" USING btree ("customer_id");--> statement-breakpoint
CREATE INDEX "customer_documents_customer_idx" ON "customer_documents" USING btree ("customer_id");--> statement-breakpoint
CREATE UNIQUE INDEX "customers_individual_id_uq" ON "customers" USING btree ("id_number_index") WHERE "customers"."type" = 'individual';--> statement-breakpoint
CREATE UNIQUE INDEX "customers_credit_code_uq" ON "customers" USING btree ("credit_code") WHERE "customers"."credit_code" is not null;--> statement-breakpoint
CREATE INDEX "customers_id_number_idx" ON "customers" USING btree ("id_number_index");--> statement-breakpoint
CREATE INDEX "customers_phone_idx" ON "customers" USING btree ("phone_index");--> statement-breakpoint
CREATE INDEX "customers_owner_idx" ON "customers" USING btree ("owner_id");--> statement-breakpoint
CREATE INDEX "customers_name_idx" ON "customers" USING btree ("name");--> statement-breakpoint
CREATE INDEX "product_versions_effective_idx" ON "product_versions" USING btree ("product_id","effective_from");--> statement-breakpoint
-- The GM sets the product catalogue: give an existing built-in gm role the new permission (fresh databases get it from DEFAULT_ROLES).
UPDATE "roles" SET "permissions" = "permissions" || '["products.manage"]'::jsonb WHERE "key" = 'gm' AND "built_in" AND NOT ("permissions" @> '["products.manage"]'::jsonb);
