CREATE TABLE "messaging_live_code_adds" (
	"tenant_id" text NOT NULL,
	"id" text NOT NULL,
	"code_id" text NOT NULL,
	"customer_id" text NOT NULL,
	"staff_id" text,
	"wecom_user_id" text NOT NULL,
	"external_user_id" text NOT NULL,
	"added_at" timestamp with time zone NOT NULL,
	"lost_at" timestamp with time zone,
	"first_order_id" text,
	"first_order_at" timestamp with time zone,
	"first_order_fen" integer,
	"gmv_fen" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "messaging_live_code_adds_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "messaging_live_code_members" (
	"tenant_id" text NOT NULL,
	"code_id" text NOT NULL,
	"staff_id" text NOT NULL,
	"position" integer NOT NULL,
	"weight" integer NOT NULL,
	"daily_cap" integer,
	CONSTRAINT "messaging_live_code_members_tenant_id_code_id_staff_id_pk" PRIMARY KEY("tenant_id","code_id","staff_id")
);
--> statement-breakpoint
CREATE TABLE "messaging_live_code_orders" (
	"tenant_id" text NOT NULL,
	"order_id" text NOT NULL,
	"add_id" text NOT NULL,
	"code_id" text NOT NULL,
	"staff_id" text,
	"wecom_user_id" text NOT NULL,
	"paid_at" timestamp with time zone NOT NULL,
	"total_fen" integer NOT NULL,
	"first" boolean NOT NULL,
	CONSTRAINT "messaging_live_code_orders_tenant_id_order_id_pk" PRIMARY KEY("tenant_id","order_id")
);
--> statement-breakpoint
CREATE TABLE "messaging_live_code_scans" (
	"tenant_id" text NOT NULL,
	"code_id" text NOT NULL,
	"day" date NOT NULL,
	"scans" integer NOT NULL,
	CONSTRAINT "messaging_live_code_scans_tenant_id_code_id_day_pk" PRIMARY KEY("tenant_id","code_id","day")
);
--> statement-breakpoint
CREATE TABLE "messaging_live_code_settings" (
	"tenant_id" text PRIMARY KEY NOT NULL,
	"welcome_text" text NOT NULL,
	"welcome_attachments" jsonb NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "messaging_live_codes" (
	"tenant_id" text NOT NULL,
	"id" text NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"org_unit_id" text,
	"department_ids" jsonb NOT NULL,
	"department_daily_cap" integer,
	"distribution" text NOT NULL,
	"backup_staff_ids" jsonb NOT NULL,
	"schedule" jsonb,
	"skip_verify" text NOT NULL,
	"skip_verify_window" jsonb,
	"tag_ids" jsonb NOT NULL,
	"remark_template" text,
	"description_template" text,
	"welcome" jsonb NOT NULL,
	"group_code_id" text,
	"state" text NOT NULL,
	"config_id" text,
	"qr_code_url" text,
	"applied_user_ids" jsonb NOT NULL,
	"applied_skip_verify" boolean,
	"routing" text NOT NULL,
	"rotation" jsonb NOT NULL,
	"last_applied_at" timestamp with time zone,
	"last_error" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"deleted_at" timestamp with time zone,
	CONSTRAINT "messaging_live_codes_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE INDEX "messaging_live_code_adds_code_idx" ON "messaging_live_code_adds" USING btree ("tenant_id","code_id","added_at");--> statement-breakpoint
CREATE INDEX "messaging_live_code_adds_customer_idx" ON "messaging_live_code_adds" USING btree ("tenant_id","customer_id","added_at");--> statement-breakpoint
CREATE INDEX "messaging_live_code_orders_code_idx" ON "messaging_live_code_orders" USING btree ("tenant_id","code_id","paid_at");--> statement-breakpoint
CREATE UNIQUE INDEX "messaging_live_codes_state_uq" ON "messaging_live_codes" USING btree ("tenant_id","state");