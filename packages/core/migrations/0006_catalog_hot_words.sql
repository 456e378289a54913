CREATE TABLE "catalog_hot_words" (
	"tenant_id" text NOT NULL,
	"position" integer NOT NULL,
	"word" text NOT NULL,
	"updated_by" text,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "catalog_hot_words_tenant_id_position_pk" PRIMARY KEY("tenant_id","position")
);
--> statement-breakpoint
CREATE TABLE "catalog_search_counts" (
	"tenant_id" text NOT NULL,
	"day" date NOT NULL,
	"keyword" text NOT NULL,
	"searches" integer NOT NULL,
	CONSTRAINT "catalog_search_counts_tenant_id_day_keyword_pk" PRIMARY KEY("tenant_id","day","keyword")
);
