CREATE TYPE "Mood Type" AS ENUM ('très ''gai''', E'sad\\', '"meh"');

CREATE TABLE "group" (
    "Order" integer
);

CREATE TABLE "Order" (
    "select" integer NOT NULL,
    "user name" text,
    "quote""d" "Mood Type" DEFAULT 'très ''gai'''::"Mood Type" NOT NULL,
    "naïve" text,
    "from" "Mood Type"[],
    CONSTRAINT "Order pkey" PRIMARY KEY ("select"),
    CONSTRAINT "unique ""naïve""" UNIQUE ("naïve", "user name"),
    CONSTRAINT "check" CHECK ("select" > 0)
);

ALTER TABLE "group" ADD CONSTRAINT "group→Order" FOREIGN KEY ("Order") REFERENCES "Order" ("select") ON DELETE NO ACTION ON UPDATE NO ACTION;

CREATE UNIQUE INDEX "Order_select_idx" ON "Order" USING btree ("select" DESC) INCLUDE ("from") WHERE "user name" <> ''::text;

COMMENT ON TABLE "Order" IS 'Table "Order"';

COMMENT ON COLUMN "Order"."user name" IS E'It''s a "name" \\ with everything.';

