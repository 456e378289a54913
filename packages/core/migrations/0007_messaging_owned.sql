CREATE TABLE "messaging_channel_settings" (
	"tenant_id" text NOT NULL,
	"channel" text NOT NULL,
	"provider" text NOT NULL,
	"enabled" boolean NOT NULL,
	"sandbox" boolean DEFAULT false NOT NULL,
	"config" jsonb NOT NULL,
	"secrets" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"updated_by" text,
	CONSTRAINT "messaging_channel_settings_tenant_id_channel_pk" PRIMARY KEY("tenant_id","channel")
);
--> statement-breakpoint
CREATE TABLE "messaging_owned_messages" (
	"tenant_id" text NOT NULL,
	"id" text NOT NULL,
	"channel" text NOT NULL,
	"customer_id" text,
	"recipient" text NOT NULL,
	"provider" text,
	"template_key" text,
	"subject" text,
	"body" text NOT NULL,
	"status" text NOT NULL,
	"error_kind" text,
	"error_code" text,
	"error_message" text,
	"provider_message_id" text,
	"attempts" integer DEFAULT 0 NOT NULL,
	"purpose" text NOT NULL,
	"idempotency_key" text,
	"created_at" timestamp with time zone NOT NULL,
	"created_by" text,
	"sent_at" timestamp with time zone,
	CONSTRAINT "messaging_owned_messages_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE UNIQUE INDEX "messaging_owned_messages_key_uq" ON "messaging_owned_messages" USING btree ("tenant_id","idempotency_key");--> statement-breakpoint
CREATE INDEX "messaging_owned_messages_created_idx" ON "messaging_owned_messages" USING btree ("tenant_id","created_at");--> statement-breakpoint
CREATE INDEX "messaging_owned_messages_customer_idx" ON "messaging_owned_messages" USING btree ("tenant_id","customer_id","created_at");