-- The small, deterministic database the captured plans in src/test/resources/plans/pgNN ran on.
-- No random(): the same script gives the same statistics and so the same plans on every run.
DROP SCHEMA IF EXISTS shop CASCADE;
CREATE SCHEMA shop;
SET search_path = shop;

CREATE TABLE customers (
    id         int PRIMARY KEY,
    name       text NOT NULL,
    country    text NOT NULL,
    created_at timestamptz NOT NULL
);
CREATE TABLE orders (
    id          bigint PRIMARY KEY,
    customer_id int NOT NULL REFERENCES customers (id),
    status      text NOT NULL,
    total       numeric(10, 2) NOT NULL,
    created_at  timestamptz NOT NULL
);
CREATE INDEX orders_customer_id_idx ON orders (customer_id);
CREATE INDEX orders_created_at_idx ON orders (created_at);
CREATE INDEX orders_status_idx ON orders (status);
CREATE TABLE "Order Notes" (order_id bigint NOT NULL, note text NOT NULL);
CREATE INDEX "Order Notes_order_id_idx" ON "Order Notes" (order_id);

CREATE TABLE events (id bigint NOT NULL, day date NOT NULL, kind text NOT NULL) PARTITION BY RANGE (day);
CREATE TABLE events_2024 PARTITION OF events FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE TABLE events_2025 PARTITION OF events FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
CREATE INDEX events_day_idx ON events (day);

CREATE TABLE audit (id bigserial PRIMARY KEY, order_id bigint NOT NULL, at timestamptz NOT NULL DEFAULT now());
CREATE FUNCTION audit_order() RETURNS trigger LANGUAGE plpgsql AS
$$ BEGIN INSERT INTO audit (order_id) VALUES (NEW.id); RETURN NEW; END $$;
CREATE TRIGGER orders_audit AFTER UPDATE ON orders FOR EACH ROW EXECUTE FUNCTION audit_order();

INSERT INTO customers
SELECT g, 'customer ' || g, (ARRAY['DE', 'FR', 'US', 'JP', 'BR'])[1 + g % 5],
       timestamptz '2020-01-01' + g * interval '1 hour'
FROM generate_series(1, 2000) g;
INSERT INTO orders
SELECT g, 1 + (g * 7919) % 2000,
       CASE WHEN g % 100 = 0 THEN 'open' WHEN g % 10 = 0 THEN 'cancelled' ELSE 'shipped' END,
       (g % 997) + 0.99, timestamptz '2024-01-01' + g * interval '5 minutes'
FROM generate_series(1, 100000) g;
INSERT INTO "Order Notes" SELECT g * 10, 'note ' || g FROM generate_series(1, 5000) g;
INSERT INTO events SELECT g, date '2024-01-01' + (g % 700), (ARRAY['view', 'click', 'buy'])[1 + g % 3]
FROM generate_series(1, 30000) g;
VACUUM ANALYZE;
