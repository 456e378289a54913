CREATE TABLE "messaging_wecom_deliveries" (
	"tenant_id" text NOT NULL,
	"id" text NOT NULL,
	"identity" text NOT NULL,
	"corp_id" text NOT NULL,
	"event" text NOT NULL,
	"change_type" text,
	"format" text NOT NULL,
	"fields" jsonb NOT NULL,
	"status" text NOT NULL,
	"outcome" text,
	"error" text,
	"attempts" integer DEFAULT 0 NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"processed_at" timestamp with time zone,
	CONSTRAINT "messaging_wecom_deliveries_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "messaging_wecom_settings" (
	"tenant_id" text PRIMARY KEY NOT NULL,
	"corp_id" text NOT NULL,
	"agent_id" text NOT NULL,
	"token" text NOT NULL,
	"secret" text NOT NULL,
	"encoding_aes_key" text NOT NULL,
	"api_base_url" text,
	"sandbox" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"updated_by" text
);
--> statement-breakpoint
CREATE UNIQUE INDEX "messaging_wecom_deliveries_identity_uq" ON "messaging_wecom_deliveries" USING btree ("tenant_id","identity");--> statement-breakpoint
CREATE INDEX "messaging_wecom_deliveries_status_idx" ON "messaging_wecom_deliveries" USING btree ("tenant_id","status","received_at");