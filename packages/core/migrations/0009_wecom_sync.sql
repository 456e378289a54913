CREATE TABLE "messaging_wecom_members" (
	"tenant_id" text NOT NULL,
	"userid" text NOT NULL,
	"corp_id" text NOT NULL,
	"staff_id" text,
	"name" text NOT NULL,
	"departments" jsonb NOT NULL,
	"position" text,
	"status" integer,
	"customer_contact" boolean NOT NULL,
	"linked_by" text,
	"linked_at" timestamp with time zone,
	"present" boolean NOT NULL,
	"synced_at" timestamp with time zone NOT NULL,
	CONSTRAINT "messaging_wecom_members_tenant_id_userid_pk" PRIMARY KEY("tenant_id","userid")
);
--> statement-breakpoint
CREATE TABLE "messaging_wecom_sync_runs" (
	"tenant_id" text NOT NULL,
	"id" text NOT NULL,
	"what" text NOT NULL,
	"trigger" text NOT NULL,
	"status" text NOT NULL,
	"corp_id" text,
	"total" integer,
	"done" integer DEFAULT 0 NOT NULL,
	"failed" integer DEFAULT 0 NOT NULL,
	"stats" jsonb NOT NULL,
	"errors" jsonb NOT NULL,
	"position" jsonb NOT NULL,
	"error" text,
	"created_by" text,
	"created_at" timestamp with time zone NOT NULL,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	CONSTRAINT "messaging_wecom_sync_runs_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE INDEX "messaging_wecom_members_staff_idx" ON "messaging_wecom_members" USING btree ("tenant_id","staff_id");--> statement-breakpoint
CREATE INDEX "messaging_wecom_sync_runs_recent_idx" ON "messaging_wecom_sync_runs" USING btree ("tenant_id","created_at");