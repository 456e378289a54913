CREATE TABLE "orders_shipments" (
	"tenant_id" text NOT NULL,
	"id" text NOT NULL,
	"order_id" text NOT NULL,
	"carrier" text NOT NULL,
	"tracking_no" text NOT NULL,
	"lines" jsonb NOT NULL,
	"allocations" jsonb NOT NULL,
	"actor" text NOT NULL,
	"shipped_at" timestamp with time zone NOT NULL,
	CONSTRAINT "orders_shipments_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "orders_lines" ADD COLUMN "shipped_quantity" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "orders_payments" ADD COLUMN "refund_status" text;--> statement-breakpoint
ALTER TABLE "orders_payments" ADD COLUMN "refund_no" text;--> statement-breakpoint
ALTER TABLE "orders_payments" ADD COLUMN "refund_id" text;--> statement-breakpoint
ALTER TABLE "orders_payments" ADD COLUMN "refund_tries" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "orders_payments" ADD COLUMN "refund_error" text;--> statement-breakpoint
ALTER TABLE "orders_payments" ADD COLUMN "refunded_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "orders_shipments_order_idx" ON "orders_shipments" USING btree ("tenant_id","order_id","id");--> statement-breakpoint
CREATE INDEX "orders_payments_refund_idx" ON "orders_payments" USING btree ("tenant_id","updated_at") WHERE "orders_payments"."refund_status" in ('pending', 'processing');--> statement-breakpoint
ALTER TABLE "orders_lines" ADD CONSTRAINT "orders_lines_shipped_le_quantity" CHECK ("orders_lines"."shipped_quantity" between 0 and "orders_lines"."quantity");