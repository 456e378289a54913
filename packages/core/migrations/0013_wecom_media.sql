CREATE TABLE "messaging_wecom_media" (
	"tenant_id" text NOT NULL,
	"source_url" text NOT NULL,
	"corp_id" text NOT NULL,
	"media_id" text NOT NULL,
	"uploaded_at" timestamp with time zone NOT NULL,
	CONSTRAINT "messaging_wecom_media_tenant_id_corp_id_source_url_pk" PRIMARY KEY("tenant_id","corp_id","source_url")
);
