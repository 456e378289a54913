CREATE TABLE "staff_notifications" (
	"tenant_id" text NOT NULL,
	"id" text NOT NULL,
	"staff_id" text NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"body" text,
	"link" text,
	"read_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "staff_notifications_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "customer_events" (
	"tenant_id" text NOT NULL,
	"id" text NOT NULL,
	"customer_id" text NOT NULL,
	"type" text NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"properties" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"source" text NOT NULL,
	"idempotency_key" text,
	"recorded_at" timestamp with time zone NOT NULL,
	CONSTRAINT "customer_events_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "customer_notes" (
	"tenant_id" text NOT NULL,
	"id" text NOT NULL,
	"customer_id" text NOT NULL,
	"author_id" text NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "customer_notes_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "customer_follow_ups" (
	"tenant_id" text NOT NULL,
	"id" text NOT NULL,
	"customer_id" text NOT NULL,
	"staff_id" text NOT NULL,
	"method" text NOT NULL,
	"content" text NOT NULL,
	"next_step" text,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "customer_follow_ups_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "customer_tasks" (
	"tenant_id" text NOT NULL,
	"id" text NOT NULL,
	"customer_id" text,
	"assignee_id" text NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"due_at" timestamp with time zone,
	"remind_at" timestamp with time zone,
	"reminded_at" timestamp with time zone,
	"status" text NOT NULL,
	"done_at" timestamp with time zone,
	"created_by" text,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "customer_tasks_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "customer_field_defs" (
	"tenant_id" text NOT NULL,
	"id" text NOT NULL,
	"key" text NOT NULL,
	"label" text NOT NULL,
	"type" text NOT NULL,
	"options" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"required" boolean DEFAULT false NOT NULL,
	"sort" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "customer_field_defs_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "customer_consents" (
	"tenant_id" text NOT NULL,
	"customer_id" text NOT NULL,
	"channel" text NOT NULL,
	"status" text NOT NULL,
	"source" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	CONSTRAINT "customer_consents_tenant_id_customer_id_channel_pk" PRIMARY KEY("tenant_id","customer_id","channel")
);
--> statement-breakpoint
CREATE TABLE "customer_identities" (
	"tenant_id" text NOT NULL,
	"kind" text NOT NULL,
	"namespace" text DEFAULT '' NOT NULL,
	"value" text NOT NULL,
	"customer_id" text NOT NULL,
	"verified" boolean DEFAULT false NOT NULL,
	"source" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "customer_identities_tenant_id_kind_namespace_value_pk" PRIMARY KEY("tenant_id","kind","namespace","value")
);
--> statement-breakpoint
CREATE TABLE "customer_merges" (
	"tenant_id" text NOT NULL,
	"id" text NOT NULL,
	"survivor_id" text NOT NULL,
	"merged_id" text NOT NULL,
	"reason" text NOT NULL,
	"automatic" boolean NOT NULL,
	"moved" jsonb NOT NULL,
	"actor_id" text,
	"created_at" timestamp with time zone NOT NULL,
	"undone_at" timestamp with time zone,
	"undone_by" text,
	CONSTRAINT "customer_merges_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "customer_owners" (
	"tenant_id" text NOT NULL,
	"customer_id" text NOT NULL,
	"staff_id" text NOT NULL,
	"is_primary" boolean DEFAULT false NOT NULL,
	"remark" text,
	"description" text,
	"add_way" text,
	"state" text,
	"added_at" timestamp with time zone NOT NULL,
	CONSTRAINT "customer_owners_tenant_id_customer_id_staff_id_pk" PRIMARY KEY("tenant_id","customer_id","staff_id")
);
--> statement-breakpoint
CREATE TABLE "customers" (
	"tenant_id" text NOT NULL,
	"id" text NOT NULL,
	"name" text,
	"nickname" text,
	"gender" text DEFAULT 'unknown' NOT NULL,
	"birthday" date,
	"lunar_birthday" text,
	"birth_month" integer,
	"province" text,
	"city" text,
	"district" text,
	"avatar_url" text,
	"phone" text,
	"email" text,
	"custom" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"stage" text DEFAULT 'potential' NOT NULL,
	"first_touch" jsonb,
	"last_touch" jsonb,
	"source_channel" text,
	"store_id" text,
	"primary_owner_id" text,
	"order_count" integer DEFAULT 0 NOT NULL,
	"total_spent" bigint DEFAULT 0 NOT NULL,
	"last_order_at" timestamp with time zone,
	"last_active_at" timestamp with time zone,
	"search" "tsvector",
	"merged_into" text,
	"erased_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "customers_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "customer_owner_transfers" (
	"tenant_id" text NOT NULL,
	"id" text NOT NULL,
	"customer_id" text NOT NULL,
	"from_staff_id" text,
	"to_staff_id" text NOT NULL,
	"kind" text NOT NULL,
	"reason" text,
	"actor_id" text,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "customer_owner_transfers_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "customer_tags" (
	"tenant_id" text NOT NULL,
	"customer_id" text NOT NULL,
	"tag_id" text NOT NULL,
	"source" text NOT NULL,
	"added_by" text,
	"added_at" timestamp with time zone NOT NULL,
	CONSTRAINT "customer_tags_tenant_id_customer_id_tag_id_pk" PRIMARY KEY("tenant_id","customer_id","tag_id")
);
--> statement-breakpoint
CREATE TABLE "customer_owner_tags" (
	"tenant_id" text NOT NULL,
	"customer_id" text NOT NULL,
	"staff_id" text NOT NULL,
	"tag_id" text NOT NULL,
	"added_at" timestamp with time zone NOT NULL,
	CONSTRAINT "customer_owner_tags_tenant_id_customer_id_staff_id_tag_id_pk" PRIMARY KEY("tenant_id","customer_id","staff_id","tag_id")
);
--> statement-breakpoint
CREATE TABLE "tag_groups" (
	"tenant_id" text NOT NULL,
	"id" text NOT NULL,
	"name" text NOT NULL,
	"select_mode" text DEFAULT 'multi' NOT NULL,
	"sort" integer DEFAULT 0 NOT NULL,
	"wecom_group_id" text,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "tag_groups_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "tag_rules" (
	"tenant_id" text NOT NULL,
	"id" text NOT NULL,
	"name" text NOT NULL,
	"tag_id" text NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"remove_when_false" boolean DEFAULT false NOT NULL,
	"condition" jsonb NOT NULL,
	"last_run_at" timestamp with time zone,
	"last_matched" integer,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "tag_rules_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "tags" (
	"tenant_id" text NOT NULL,
	"id" text NOT NULL,
	"group_id" text NOT NULL,
	"name" text NOT NULL,
	"color" text,
	"description" text,
	"sort" integer DEFAULT 0 NOT NULL,
	"wecom_tag_id" text,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "tags_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "data_job_errors" (
	"tenant_id" text NOT NULL,
	"job_id" text NOT NULL,
	"row_no" integer NOT NULL,
	"errors" jsonb NOT NULL,
	"raw" jsonb NOT NULL,
	CONSTRAINT "data_job_errors_tenant_id_job_id_row_no_pk" PRIMARY KEY("tenant_id","job_id","row_no")
);
--> statement-breakpoint
CREATE TABLE "data_jobs" (
	"tenant_id" text NOT NULL,
	"id" text NOT NULL,
	"kind" text NOT NULL,
	"entity" text NOT NULL,
	"status" text NOT NULL,
	"file_name" text,
	"input_path" text,
	"result_path" text,
	"params" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"total" integer,
	"processed" integer DEFAULT 0 NOT NULL,
	"succeeded" integer DEFAULT 0 NOT NULL,
	"failed" integer DEFAULT 0 NOT NULL,
	"error" text,
	"created_by" text,
	"created_at" timestamp with time zone NOT NULL,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	CONSTRAINT "data_jobs_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE INDEX "staff_notifications_staff_idx" ON "staff_notifications" USING btree ("tenant_id","staff_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "customer_events_idem_uq" ON "customer_events" USING btree ("tenant_id","idempotency_key");--> statement-breakpoint
CREATE INDEX "customer_events_customer_idx" ON "customer_events" USING btree ("tenant_id","customer_id","occurred_at");--> statement-breakpoint
CREATE INDEX "customer_events_type_idx" ON "customer_events" USING btree ("tenant_id","type","occurred_at");--> statement-breakpoint
CREATE INDEX "customer_notes_customer_idx" ON "customer_notes" USING btree ("tenant_id","customer_id");--> statement-breakpoint
CREATE INDEX "customer_follow_ups_customer_idx" ON "customer_follow_ups" USING btree ("tenant_id","customer_id");--> statement-breakpoint
CREATE INDEX "customer_tasks_assignee_idx" ON "customer_tasks" USING btree ("tenant_id","assignee_id","status","due_at");--> statement-breakpoint
CREATE INDEX "customer_tasks_customer_idx" ON "customer_tasks" USING btree ("tenant_id","customer_id");--> statement-breakpoint
CREATE INDEX "customer_tasks_remind_idx" ON "customer_tasks" USING btree ("remind_at");--> statement-breakpoint
CREATE UNIQUE INDEX "customer_field_defs_key_uq" ON "customer_field_defs" USING btree ("tenant_id","key");--> statement-breakpoint
CREATE INDEX "customer_identities_customer_idx" ON "customer_identities" USING btree ("tenant_id","customer_id");--> statement-breakpoint
CREATE INDEX "customer_merges_survivor_idx" ON "customer_merges" USING btree ("tenant_id","survivor_id");--> statement-breakpoint
CREATE INDEX "customer_merges_merged_idx" ON "customer_merges" USING btree ("tenant_id","merged_id");--> statement-breakpoint
CREATE INDEX "customer_owners_staff_idx" ON "customer_owners" USING btree ("tenant_id","staff_id","customer_id");--> statement-breakpoint
CREATE UNIQUE INDEX "customer_owners_primary_uq" ON "customer_owners" USING btree ("tenant_id","customer_id") WHERE is_primary;--> statement-breakpoint
CREATE INDEX "customers_owner_idx" ON "customers" USING btree ("tenant_id","primary_owner_id","id");--> statement-breakpoint
CREATE INDEX "customers_stage_idx" ON "customers" USING btree ("tenant_id","stage","id");--> statement-breakpoint
CREATE INDEX "customers_store_idx" ON "customers" USING btree ("tenant_id","store_id","id");--> statement-breakpoint
CREATE INDEX "customers_source_idx" ON "customers" USING btree ("tenant_id","source_channel","id");--> statement-breakpoint
CREATE INDEX "customers_active_idx" ON "customers" USING btree ("tenant_id","last_active_at");--> statement-breakpoint
CREATE INDEX "customers_spent_idx" ON "customers" USING btree ("tenant_id","total_spent");--> statement-breakpoint
CREATE INDEX "customers_birth_month_idx" ON "customers" USING btree ("tenant_id","birth_month");--> statement-breakpoint
CREATE INDEX "customers_search_idx" ON "customers" USING gin ("search");--> statement-breakpoint
CREATE INDEX "customers_custom_idx" ON "customers" USING gin ("custom" jsonb_path_ops);--> statement-breakpoint
CREATE INDEX "customer_owner_transfers_customer_idx" ON "customer_owner_transfers" USING btree ("tenant_id","customer_id","created_at");--> statement-breakpoint
CREATE INDEX "customer_tags_tag_idx" ON "customer_tags" USING btree ("tenant_id","tag_id","customer_id");--> statement-breakpoint
CREATE UNIQUE INDEX "tag_groups_name_uq" ON "tag_groups" USING btree ("tenant_id","name");--> statement-breakpoint
CREATE UNIQUE INDEX "tags_name_uq" ON "tags" USING btree ("tenant_id","group_id","name");--> statement-breakpoint
CREATE INDEX "data_jobs_recent_idx" ON "data_jobs" USING btree ("tenant_id","kind","created_at");