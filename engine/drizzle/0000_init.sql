CREATE TABLE "api_tokens" (
	"id" text PRIMARY KEY NOT NULL,
	"token_hash" text NOT NULL,
	"scope" text NOT NULL,
	"follower_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_used_at" timestamp with time zone,
	CONSTRAINT "api_tokens_token_hash_unique" UNIQUE("token_hash"),
	CONSTRAINT "api_tokens_scope_check" CHECK ("api_tokens"."scope" in ('operator', 'follower')),
	CONSTRAINT "api_tokens_follower_scope_check" CHECK (("api_tokens"."scope" = 'follower') = ("api_tokens"."follower_id" is not null))
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"actor" text NOT NULL,
	"action" text NOT NULL,
	"target" text NOT NULL,
	"detail" jsonb,
	"ts" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "fills" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"client_order_id" text NOT NULL,
	"follower_id" text NOT NULL,
	"venue" text NOT NULL,
	"symbol" text NOT NULL,
	"side" text NOT NULL,
	"amount" double precision NOT NULL,
	"price" double precision NOT NULL,
	"fee" double precision NOT NULL,
	"fee_currency" text,
	"venue_trade_id" text NOT NULL,
	"ts" timestamp with time zone NOT NULL,
	CONSTRAINT "fills_side_check" CHECK ("fills"."side" in ('buy', 'sell')),
	CONSTRAINT "fills_venue_check" CHECK ("fills"."venue" in ('binanceusdm', 'hyperliquid'))
);
--> statement-breakpoint
CREATE TABLE "followers" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"venue" text NOT NULL,
	"address" text,
	"credentials" "bytea" NOT NULL,
	"state" text DEFAULT 'active' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_error" text,
	CONSTRAINT "followers_venue_check" CHECK ("followers"."venue" in ('binanceusdm', 'hyperliquid')),
	CONSTRAINT "followers_state_check" CHECK ("followers"."state" in ('active', 'reducing', 'halted'))
);
--> statement-breakpoint
CREATE TABLE "follows" (
	"id" text PRIMARY KEY NOT NULL,
	"whale_id" text NOT NULL,
	"follower_id" text NOT NULL,
	"sizing" jsonb NOT NULL,
	"caps" jsonb NOT NULL,
	"leverage" jsonb NOT NULL,
	"symbols" jsonb NOT NULL,
	"existing" text NOT NULL,
	"state" text DEFAULT 'active' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "follows_existing_check" CHECK ("follows"."existing" in ('copy_now', 'wait_next_change')),
	CONSTRAINT "follows_state_check" CHECK ("follows"."state" in ('active', 'reducing', 'halted'))
);
--> statement-breakpoint
CREATE TABLE "operators" (
	"id" text PRIMARY KEY NOT NULL,
	"email" text NOT NULL,
	"password_hash" text NOT NULL,
	"failed_attempts" integer DEFAULT 0 NOT NULL,
	"locked_until" timestamp with time zone,
	CONSTRAINT "operators_email_unique" UNIQUE("email")
);
--> statement-breakpoint
CREATE TABLE "orders" (
	"client_order_id" text PRIMARY KEY NOT NULL,
	"follower_id" text NOT NULL,
	"whale_id" text NOT NULL,
	"venue" text NOT NULL,
	"symbol" text NOT NULL,
	"side" text NOT NULL,
	"amount" double precision NOT NULL,
	"reduce_only" boolean,
	"leg" smallint,
	"whale_seq" bigint,
	"status" text NOT NULL,
	"status_rank" smallint NOT NULL,
	"filled_amount" double precision DEFAULT 0 NOT NULL,
	"avg_price" double precision,
	"venue_order_id" text,
	"error" text,
	"attempts" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "orders_status_check" CHECK ("orders"."status" in ('pending', 'sent', 'unknown', 'partially_filled', 'filled', 'rejected', 'canceled', 'skipped')),
	CONSTRAINT "orders_side_check" CHECK ("orders"."side" in ('buy', 'sell')),
	CONSTRAINT "orders_venue_check" CHECK ("orders"."venue" in ('binanceusdm', 'hyperliquid')),
	CONSTRAINT "orders_leg_check" CHECK ("orders"."leg" is null or "orders"."leg" in (0, 1))
);
--> statement-breakpoint
CREATE TABLE "signals" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"whale_id" text NOT NULL,
	"whale_seq" bigint NOT NULL,
	"shard" integer NOT NULL,
	"follower_count" integer NOT NULL,
	"payload" "bytea",
	"detail" jsonb,
	"ts" timestamp with time zone NOT NULL,
	CONSTRAINT "signals_kind_check" CHECK ("signals"."kind" in ('signal', 'denial', 'skip'))
);
--> statement-breakpoint
CREATE TABLE "webhook_journal" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"strategy" text NOT NULL,
	"idempotency_key" text NOT NULL,
	"accepted" boolean NOT NULL,
	"reason" text,
	"source_ip" text,
	"body" text NOT NULL,
	"ts" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "whales" (
	"id" text PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"address" text,
	"credentials" "bytea",
	"secret_hash" "bytea",
	"ticker_map" jsonb,
	"state" text DEFAULT 'active' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "whales_kind_check" CHECK ("whales"."kind" in ('binanceusdm', 'hyperliquid', 'tradingview')),
	CONSTRAINT "whales_state_check" CHECK ("whales"."state" in ('active', 'reducing', 'halted')),
	CONSTRAINT "whales_hyperliquid_address_check" CHECK ("whales"."kind" <> 'hyperliquid' or "whales"."address" is not null)
);
--> statement-breakpoint
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_follower_id_followers_id_fk" FOREIGN KEY ("follower_id") REFERENCES "public"."followers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follows" ADD CONSTRAINT "follows_whale_id_whales_id_fk" FOREIGN KEY ("whale_id") REFERENCES "public"."whales"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follows" ADD CONSTRAINT "follows_follower_id_followers_id_fk" FOREIGN KEY ("follower_id") REFERENCES "public"."followers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_log_ts_idx" ON "audit_log" USING btree ("ts");--> statement-breakpoint
CREATE INDEX "audit_log_target_idx" ON "audit_log" USING btree ("target");--> statement-breakpoint
CREATE UNIQUE INDEX "fills_venue_trade_unique" ON "fills" USING btree ("venue","venue_trade_id");--> statement-breakpoint
CREATE INDEX "fills_client_order_idx" ON "fills" USING btree ("client_order_id");--> statement-breakpoint
CREATE INDEX "fills_follower_ts_idx" ON "fills" USING btree ("follower_id","ts");--> statement-breakpoint
CREATE UNIQUE INDEX "follows_whale_follower_unique" ON "follows" USING btree ("whale_id","follower_id");--> statement-breakpoint
CREATE INDEX "follows_follower_idx" ON "follows" USING btree ("follower_id");--> statement-breakpoint
CREATE INDEX "orders_follower_created_idx" ON "orders" USING btree ("follower_id","created_at");--> statement-breakpoint
CREATE INDEX "orders_whale_seq_idx" ON "orders" USING btree ("whale_id","whale_seq");--> statement-breakpoint
CREATE INDEX "orders_open_idx" ON "orders" USING btree ("follower_id") WHERE "orders"."status_rank" < 4;--> statement-breakpoint
CREATE INDEX "signals_whale_seq_idx" ON "signals" USING btree ("whale_id","whale_seq");--> statement-breakpoint
CREATE INDEX "signals_ts_idx" ON "signals" USING btree ("ts");--> statement-breakpoint
CREATE UNIQUE INDEX "webhook_journal_accepted_key_unique" ON "webhook_journal" USING btree ("idempotency_key") WHERE "webhook_journal"."accepted";--> statement-breakpoint
CREATE INDEX "webhook_journal_strategy_ts_idx" ON "webhook_journal" USING btree ("strategy","ts");