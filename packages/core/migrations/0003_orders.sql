CREATE TABLE "orders_addresses" (
	"tenant_id" text NOT NULL,
	"id" text NOT NULL,
	"customer_id" text NOT NULL,
	"name" text NOT NULL,
	"phone" text NOT NULL,
	"province" text NOT NULL,
	"city" text NOT NULL,
	"district" text NOT NULL,
	"detail" text NOT NULL,
	"is_default" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "orders_addresses_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "orders_cart_items" (
	"tenant_id" text NOT NULL,
	"customer_id" text NOT NULL,
	"sku_id" text NOT NULL,
	"quantity" integer NOT NULL,
	"selected" boolean DEFAULT true NOT NULL,
	"price_at_add" bigint NOT NULL,
	"added_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "orders_cart_items_tenant_id_customer_id_sku_id_pk" PRIMARY KEY("tenant_id","customer_id","sku_id"),
	CONSTRAINT "orders_cart_items_quantity" CHECK ("orders_cart_items"."quantity" > 0)
);
--> statement-breakpoint
CREATE TABLE "orders_lines" (
	"tenant_id" text NOT NULL,
	"id" text NOT NULL,
	"order_id" text NOT NULL,
	"sku_id" text NOT NULL,
	"product_id" text NOT NULL,
	"title" text NOT NULL,
	"spec_text" text NOT NULL,
	"unit_price" bigint NOT NULL,
	"quantity" integer NOT NULL,
	"line_total" bigint NOT NULL,
	CONSTRAINT "orders_lines_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "orders_settings" (
	"tenant_id" text PRIMARY KEY NOT NULL,
	"payment_minutes" integer NOT NULL,
	"shipping" jsonb NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "orders_transitions" (
	"tenant_id" text NOT NULL,
	"id" text NOT NULL,
	"order_id" text NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"actor" text NOT NULL,
	"note" text,
	"at" timestamp with time zone NOT NULL,
	CONSTRAINT "orders_transitions_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "orders" (
	"tenant_id" text NOT NULL,
	"id" text NOT NULL,
	"customer_id" text NOT NULL,
	"client_key" text NOT NULL,
	"status" text NOT NULL,
	"items_total" bigint NOT NULL,
	"discount_total" bigint DEFAULT 0 NOT NULL,
	"shipping_fee" bigint DEFAULT 0 NOT NULL,
	"price_adjustment" bigint DEFAULT 0 NOT NULL,
	"total" bigint NOT NULL,
	"discounts" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"delivery" text NOT NULL,
	"address" jsonb,
	"store_id" text,
	"buyer_remark" text,
	"payment_deadline" timestamp with time zone NOT NULL,
	"payment_method" text,
	"allocations" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"carrier" text,
	"tracking_no" text,
	"remarks" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"placed_at" timestamp with time zone NOT NULL,
	"paid_at" timestamp with time zone,
	"shipped_at" timestamp with time zone,
	"delivered_at" timestamp with time zone,
	"completed_at" timestamp with time zone,
	"cancelled_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "orders_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "orders_total_positive" CHECK ("orders"."total" > 0)
);
--> statement-breakpoint
CREATE TABLE "orders_payments" (
	"tenant_id" text NOT NULL,
	"id" text NOT NULL,
	"order_id" text NOT NULL,
	"provider" text NOT NULL,
	"channel" text NOT NULL,
	"out_trade_no" text NOT NULL,
	"amount" bigint NOT NULL,
	"status" text NOT NULL,
	"transaction_id" text,
	"last_notification" jsonb,
	"problem" text,
	"created_at" timestamp with time zone NOT NULL,
	"paid_at" timestamp with time zone,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "orders_payments_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE INDEX "orders_addresses_customer_idx" ON "orders_addresses" USING btree ("tenant_id","customer_id");--> statement-breakpoint
CREATE UNIQUE INDEX "orders_addresses_default_uq" ON "orders_addresses" USING btree ("tenant_id","customer_id") WHERE "orders_addresses"."is_default";--> statement-breakpoint
CREATE INDEX "orders_lines_order_idx" ON "orders_lines" USING btree ("tenant_id","order_id");--> statement-breakpoint
CREATE INDEX "orders_transitions_order_idx" ON "orders_transitions" USING btree ("tenant_id","order_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "orders_client_key_uq" ON "orders" USING btree ("tenant_id","customer_id","client_key");--> statement-breakpoint
CREATE INDEX "orders_customer_idx" ON "orders" USING btree ("tenant_id","customer_id","id");--> statement-breakpoint
CREATE INDEX "orders_status_idx" ON "orders" USING btree ("tenant_id","status","id");--> statement-breakpoint
CREATE INDEX "orders_deadline_idx" ON "orders" USING btree ("tenant_id","payment_deadline") WHERE "orders"."status" = 'pending_payment';--> statement-breakpoint
CREATE INDEX "orders_paid_at_idx" ON "orders" USING btree ("tenant_id","paid_at");--> statement-breakpoint
CREATE UNIQUE INDEX "orders_payments_trade_uq" ON "orders_payments" USING btree ("tenant_id","provider","out_trade_no");--> statement-breakpoint
CREATE INDEX "orders_payments_order_idx" ON "orders_payments" USING btree ("tenant_id","order_id");