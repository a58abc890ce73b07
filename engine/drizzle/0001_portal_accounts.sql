CREATE TABLE "follower_accounts" (
	"id" text PRIMARY KEY NOT NULL,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"password_hash" text NOT NULL,
	"follower_id" text,
	"failed_attempts" integer DEFAULT 0 NOT NULL,
	"locked_until" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "follower_accounts_email_unique" UNIQUE("email"),
	CONSTRAINT "follower_accounts_follower_unique" UNIQUE("follower_id")
);
--> statement-breakpoint
CREATE TABLE "login_sessions" (
	"id" text PRIMARY KEY NOT NULL,
	"token_hash" text,
	"kind" text NOT NULL,
	"operator_id" text,
	"account_id" text,
	"api_token_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	CONSTRAINT "login_sessions_token_hash_unique" UNIQUE("token_hash"),
	CONSTRAINT "login_sessions_kind_check" CHECK ("login_sessions"."kind" in ('operator', 'follower')),
	CONSTRAINT "login_sessions_subject_check" CHECK (("login_sessions"."kind" = 'operator') = ("login_sessions"."operator_id" is not null) and ("login_sessions"."kind" = 'follower') = ("login_sessions"."account_id" is not null))
);
--> statement-breakpoint
ALTER TABLE "follower_accounts" ADD CONSTRAINT "follower_accounts_follower_id_followers_id_fk" FOREIGN KEY ("follower_id") REFERENCES "public"."followers"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "login_sessions" ADD CONSTRAINT "login_sessions_operator_id_operators_id_fk" FOREIGN KEY ("operator_id") REFERENCES "public"."operators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "login_sessions" ADD CONSTRAINT "login_sessions_account_id_follower_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."follower_accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "login_sessions" ADD CONSTRAINT "login_sessions_api_token_id_api_tokens_id_fk" FOREIGN KEY ("api_token_id") REFERENCES "public"."api_tokens"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "login_sessions_expires_idx" ON "login_sessions" USING btree ("expires_at");--> statement-breakpoint
CREATE INDEX "login_sessions_api_token_idx" ON "login_sessions" USING btree ("api_token_id");