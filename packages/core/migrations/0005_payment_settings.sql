CREATE TABLE "orders_payment_settings" (
	"tenant_id" text NOT NULL,
	"provider" text NOT NULL,
	"enabled" boolean NOT NULL,
	"channels" jsonb NOT NULL,
	"sandbox" boolean DEFAULT false NOT NULL,
	"config" jsonb NOT NULL,
	"secrets" jsonb NOT NULL,
	"notify_url_base" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"updated_by" text,
	CONSTRAINT "orders_payment_settings_tenant_id_provider_pk" PRIMARY KEY("tenant_id","provider")
);
--> statement-breakpoint
ALTER TABLE "roles" ADD COLUMN "template_permissions" jsonb;