CREATE INDEX "digest_messages_posted" ON "digest_messages" USING btree ("posted_at");--> statement-breakpoint
CREATE INDEX "snoozes_until" ON "snoozes" USING btree ("until");--> statement-breakpoint
CREATE INDEX "audit_at" ON "audit_log" USING btree ("at") WHERE "audit_log"."entity_type" <> 'workspace';--> statement-breakpoint
CREATE INDEX "personal_sends_claimed" ON "personal_sends" USING btree ("claimed_at");