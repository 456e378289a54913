CREATE TABLE "messaging_group_member_events" (
	"tenant_id" text NOT NULL,
	"id" text NOT NULL,
	"group_id" text NOT NULL,
	"userid" text NOT NULL,
	"kind" text NOT NULL,
	"scene" integer,
	"state" text,
	"group_code_id" text,
	"customer_id" text,
	"at" timestamp with time zone NOT NULL,
	CONSTRAINT "messaging_group_member_events_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "messaging_group_members" (
	"tenant_id" text NOT NULL,
	"group_id" text NOT NULL,
	"userid" text NOT NULL,
	"type" integer NOT NULL,
	"name" text,
	"group_nickname" text,
	"unionid" text,
	"join_scene" integer,
	"invitor_userid" text,
	"state" text,
	"group_code_id" text,
	"customer_id" text,
	"joined_at" timestamp with time zone,
	"left_at" timestamp with time zone,
	"quit_scene" integer,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "messaging_group_members_tenant_id_group_id_userid_pk" PRIMARY KEY("tenant_id","group_id","userid")
);
--> statement-breakpoint
CREATE TABLE "messaging_group_syncs" (
	"tenant_id" text NOT NULL,
	"id" text NOT NULL,
	"corp_id" text NOT NULL,
	"status" text NOT NULL,
	"trigger" text NOT NULL,
	"cursor" text,
	"page_done" integer DEFAULT 0 NOT NULL,
	"listed" integer DEFAULT 0 NOT NULL,
	"processed" integer DEFAULT 0 NOT NULL,
	"failed" integer DEFAULT 0 NOT NULL,
	"total" integer,
	"listing_done" boolean DEFAULT false NOT NULL,
	"dismissed" integer DEFAULT 0 NOT NULL,
	"error" text,
	"created_by" text,
	"created_at" timestamp with time zone NOT NULL,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "messaging_group_syncs_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "messaging_group_tags" (
	"tenant_id" text NOT NULL,
	"id" text NOT NULL,
	"name" text NOT NULL,
	"color" text,
	"sort" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "messaging_group_tags_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "messaging_groups" (
	"tenant_id" text NOT NULL,
	"id" text NOT NULL,
	"corp_id" text NOT NULL,
	"chat_id" text NOT NULL,
	"name" text NOT NULL,
	"owner_userid" text NOT NULL,
	"owner_staff_id" text,
	"notice" text,
	"status" text NOT NULL,
	"member_count" integer DEFAULT 0 NOT NULL,
	"external_count" integer DEFAULT 0 NOT NULL,
	"member_version" text,
	"admin_userids" text[] DEFAULT '{}'::text[] NOT NULL,
	"tag_ids" text[] DEFAULT '{}'::text[] NOT NULL,
	"wecom_created_at" timestamp with time zone,
	"dismissed_at" timestamp with time zone,
	"synced_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "messaging_groups_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "messaging_group_codes" (
	"tenant_id" text NOT NULL,
	"id" text NOT NULL,
	"name" text NOT NULL,
	"state" text NOT NULL,
	"corp_id" text NOT NULL,
	"config_id" text,
	"qr_code_url" text,
	"chat_ids" text[] DEFAULT '{}'::text[] NOT NULL,
	"active_chat_ids" text[] DEFAULT '{}'::text[] NOT NULL,
	"member_cap" integer NOT NULL,
	"auto_create" boolean DEFAULT false NOT NULL,
	"room_base_name" text,
	"room_base_id" integer,
	"remark" text,
	"routing" text DEFAULT 'open' NOT NULL,
	"last_applied_at" timestamp with time zone,
	"last_error" text,
	"created_by" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "messaging_group_codes_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE INDEX "messaging_group_member_events_code_idx" ON "messaging_group_member_events" USING btree ("tenant_id","group_code_id","at");--> statement-breakpoint
CREATE INDEX "messaging_group_member_events_group_idx" ON "messaging_group_member_events" USING btree ("tenant_id","group_id","at");--> statement-breakpoint
CREATE INDEX "messaging_group_members_customer_idx" ON "messaging_group_members" USING btree ("tenant_id","customer_id");--> statement-breakpoint
CREATE INDEX "messaging_group_syncs_recent_idx" ON "messaging_group_syncs" USING btree ("tenant_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "messaging_group_tags_name_uq" ON "messaging_group_tags" USING btree ("tenant_id","name");--> statement-breakpoint
CREATE UNIQUE INDEX "messaging_groups_chat_uq" ON "messaging_groups" USING btree ("tenant_id","corp_id","chat_id");--> statement-breakpoint
CREATE INDEX "messaging_groups_status_idx" ON "messaging_groups" USING btree ("tenant_id","status","id");--> statement-breakpoint
CREATE INDEX "messaging_groups_owner_idx" ON "messaging_groups" USING btree ("tenant_id","owner_userid");--> statement-breakpoint
CREATE UNIQUE INDEX "messaging_group_codes_state_uq" ON "messaging_group_codes" USING btree ("tenant_id","state");--> statement-breakpoint
CREATE INDEX "messaging_group_codes_recent_idx" ON "messaging_group_codes" USING btree ("tenant_id","created_at");