CREATE TABLE "catalog_categories" (
	"tenant_id" text NOT NULL,
	"id" text NOT NULL,
	"parent_id" text,
	"name" text NOT NULL,
	"sort" integer DEFAULT 0 NOT NULL,
	"icon_image_id" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "catalog_categories_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "catalog_images" (
	"tenant_id" text NOT NULL,
	"id" text NOT NULL,
	"content_type" text NOT NULL,
	"bytes" integer NOT NULL,
	"storage_key" text NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "catalog_images_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "catalog_products" (
	"tenant_id" text NOT NULL,
	"id" text NOT NULL,
	"title" text NOT NULL,
	"subtitle" text,
	"category_id" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"sort_weight" integer DEFAULT 0 NOT NULL,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"image_ids" text[] DEFAULT '{}'::text[] NOT NULL,
	"specs" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"low_stock_threshold" integer DEFAULT 5 NOT NULL,
	"price_min" bigint DEFAULT 0 NOT NULL,
	"price_max" bigint DEFAULT 0 NOT NULL,
	"list_price" bigint,
	"sales_count" integer DEFAULT 0 NOT NULL,
	"search" "tsvector",
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"deleted_at" timestamp with time zone,
	CONSTRAINT "catalog_products_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "catalog_skus" (
	"tenant_id" text NOT NULL,
	"id" text NOT NULL,
	"product_id" text NOT NULL,
	"spec_key" text NOT NULL,
	"spec" jsonb NOT NULL,
	"spec_text" text NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"price" bigint NOT NULL,
	"list_price" bigint,
	"cost" bigint,
	"barcode" text,
	"weight_grams" integer,
	"enabled" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"deleted_at" timestamp with time zone,
	CONSTRAINT "catalog_skus_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "catalog_stock" (
	"tenant_id" text NOT NULL,
	"sku_id" text NOT NULL,
	"location_id" text NOT NULL,
	"product_id" text NOT NULL,
	"on_hand" integer DEFAULT 0 NOT NULL,
	"reserved" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "catalog_stock_tenant_id_sku_id_location_id_pk" PRIMARY KEY("tenant_id","sku_id","location_id"),
	CONSTRAINT "catalog_stock_never_negative" CHECK ("catalog_stock"."reserved" >= 0 and "catalog_stock"."on_hand" >= "catalog_stock"."reserved")
);
--> statement-breakpoint
CREATE TABLE "catalog_stock_movements" (
	"tenant_id" text NOT NULL,
	"id" text NOT NULL,
	"sku_id" text NOT NULL,
	"product_id" text NOT NULL,
	"location_id" text NOT NULL,
	"delta" integer NOT NULL,
	"reserved_delta" integer NOT NULL,
	"on_hand_after" integer NOT NULL,
	"reserved_after" integer NOT NULL,
	"reason" text NOT NULL,
	"reference" text,
	"note" text,
	"actor_id" text,
	"actor_name" text,
	"at" timestamp with time zone NOT NULL,
	CONSTRAINT "catalog_stock_movements_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE UNIQUE INDEX "catalog_categories_name_uq" ON "catalog_categories" USING btree ("tenant_id",coalesce("parent_id", ''),"name");--> statement-breakpoint
CREATE INDEX "catalog_products_category_idx" ON "catalog_products" USING btree ("tenant_id","category_id","id");--> statement-breakpoint
CREATE INDEX "catalog_products_shelf_idx" ON "catalog_products" USING btree ("tenant_id","status","sort_weight","id");--> statement-breakpoint
CREATE INDEX "catalog_products_search_idx" ON "catalog_products" USING gin ("search");--> statement-breakpoint
CREATE UNIQUE INDEX "catalog_skus_combination_uq" ON "catalog_skus" USING btree ("tenant_id","product_id","spec_key");--> statement-breakpoint
CREATE INDEX "catalog_stock_product_idx" ON "catalog_stock" USING btree ("tenant_id","product_id");--> statement-breakpoint
CREATE INDEX "catalog_stock_location_idx" ON "catalog_stock" USING btree ("tenant_id","location_id","sku_id");--> statement-breakpoint
CREATE INDEX "catalog_movements_sku_idx" ON "catalog_stock_movements" USING btree ("tenant_id","sku_id","id");--> statement-breakpoint
CREATE INDEX "catalog_movements_product_idx" ON "catalog_stock_movements" USING btree ("tenant_id","product_id","id");--> statement-breakpoint
CREATE INDEX "catalog_movements_location_idx" ON "catalog_stock_movements" USING btree ("tenant_id","location_id","id");