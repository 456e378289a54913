CREATE TABLE "messaging_landing_pages" (
	"tenant_id" text NOT NULL,
	"id" text NOT NULL,
	"slug" text NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"image_url" text,
	"benefit_text" text NOT NULL,
	"button_text" text,
	"help_text" text,
	"code_id" text NOT NULL,
	"store_code_ids" jsonb NOT NULL,
	"status" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"created_by" text,
	CONSTRAINT "messaging_landing_pages_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "messaging_landing_visits" (
	"tenant_id" text NOT NULL,
	"page_id" text NOT NULL,
	"day" date NOT NULL,
	"visitor_id" text NOT NULL,
	"code_id" text NOT NULL,
	"store_id" text,
	"located" boolean NOT NULL,
	"first_at" timestamp with time zone NOT NULL,
	"last_at" timestamp with time zone NOT NULL,
	CONSTRAINT "messaging_landing_visits_tenant_id_page_id_day_visitor_id_pk" PRIMARY KEY("tenant_id","page_id","day","visitor_id")
);
--> statement-breakpoint
ALTER TABLE "org_units" ADD COLUMN "latitude" double precision;--> statement-breakpoint
ALTER TABLE "org_units" ADD COLUMN "longitude" double precision;--> statement-breakpoint
CREATE UNIQUE INDEX "messaging_landing_pages_slug_uq" ON "messaging_landing_pages" USING btree ("tenant_id","slug");--> statement-breakpoint
CREATE INDEX "messaging_landing_visits_code_idx" ON "messaging_landing_visits" USING btree ("tenant_id","code_id","day");