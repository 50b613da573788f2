-- The database the diagnosis fixtures in src/test/resources/plans/diagnose/pg15 ran on
-- (database diag_fixtures, schema diag). Deterministic: values come from hashint4(g), not
-- random(), so the same script gives the same data, statistics and plans on every run.
-- Skew is deliberate: a few customers own most orders, statuses are lopsided and tied to age,
-- city implies country (a dependency the planner does not know without extended statistics).
DROP SCHEMA IF EXISTS diag CASCADE;
CREATE SCHEMA diag;
SET search_path = diag;

-- u(g, salt): a uniform value in [0, 1) derived from g.
CREATE FUNCTION u(g int, salt int) RETURNS float8 LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
$$ SELECT ((hashint4(g * 31 + salt) & 2147483647)::float8 / 2147483648.0) $$;

CREATE TABLE cities (id int PRIMARY KEY, city text NOT NULL, country text NOT NULL, weight float8 NOT NULL);
INSERT INTO cities VALUES
 (1, 'London', 'GB', 14), (2, 'Manchester', 'GB', 4), (3, 'Paris', 'FR', 10), (4, 'Lyon', 'FR', 3),
 (5, 'Berlin', 'DE', 9), (6, 'Munich', 'DE', 4), (7, 'Madrid', 'ES', 6), (8, 'Barcelona', 'ES', 5),
 (9, 'Rome', 'IT', 5), (10, 'Milan', 'IT', 4), (11, 'Amsterdam', 'NL', 4), (12, 'Rotterdam', 'NL', 0.5),
 (13, 'Lisbon', 'PT', 3), (14, 'Porto', 'PT', 1), (15, 'Vienna', 'AT', 3), (16, 'Zurich', 'CH', 3),
 (17, 'Stockholm', 'SE', 3), (18, 'Oslo', 'NO', 2), (19, 'Copenhagen', 'DK', 2), (20, 'Helsinki', 'FI', 2),
 (21, 'Warsaw', 'PL', 3), (22, 'Prague', 'CZ', 2), (23, 'Dublin', 'IE', 2), (24, 'Brussels', 'BE', 2);
-- cumulative weights, to pick a city from a uniform value
CREATE TABLE city_pick AS
SELECT id, city, country,
       coalesce(sum(weight) OVER (ORDER BY id ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) / sum(weight) OVER () AS lo,
       sum(weight) OVER (ORDER BY id) / sum(weight) OVER () AS hi
FROM cities;

-- 50,000 customers.
CREATE TABLE customers (
    id          int PRIMARY KEY,
    email       text NOT NULL,
    city        text NOT NULL,
    country     text NOT NULL,
    referrer_id int,
    created_at  timestamptz NOT NULL
);
INSERT INTO customers
SELECT g, 'user' || g || CASE WHEN g % 10 = 0 THEN '@example.org' ELSE '@mail.test' END,
       p.city, p.country, CASE WHEN g % 3 = 0 THEN 1 + (g * 7) % 50000 END,
       timestamptz '2021-01-01' + g * interval '17 minutes'
FROM generate_series(1, 50000) g
JOIN city_pick p ON u(g, 1) >= p.lo AND u(g, 1) < p.hi;
CREATE INDEX customers_email_idx ON customers (email);

-- 500,000 orders, one a minute through 2023. customer_id follows a power law (customer 1 owns
-- about 1% of all orders); the oldest 1% are 'cancelled', the newest 4% 'pending', the rest mostly
-- 'delivered'.
CREATE TABLE orders (
    id          bigint PRIMARY KEY,
    customer_id int NOT NULL REFERENCES customers (id),
    status      text NOT NULL,
    channel     text NOT NULL,
    total       numeric(10, 2) NOT NULL,
    created_at  timestamptz NOT NULL
);
INSERT INTO orders
SELECT g, 1 + floor(50000 * power(u(g, 2), 2.5))::int,
       CASE WHEN g <= 5000 THEN 'cancelled' WHEN g > 480000 THEN 'pending'
            WHEN u(g, 3) < 0.06 THEN 'shipped' ELSE 'delivered' END,
       CASE WHEN u(g, 4) < 0.6 THEN 'web' WHEN u(g, 4) < 0.9 THEN 'app' ELSE 'store' END,
       round((5 + 995 * power(u(g, 5), 3))::numeric, 2),
       timestamptz '2023-01-01' + g * interval '1 minute'
FROM generate_series(1, 500000) g;
CREATE INDEX orders_customer_id_idx ON orders (customer_id);
CREATE INDEX orders_created_at_idx ON orders (created_at);

-- 300,000 payments with no secondary index: 'voucher' is rare.
CREATE TABLE payments (
    id       bigint PRIMARY KEY,
    order_id bigint NOT NULL,
    method   text NOT NULL,
    amount   numeric(10, 2) NOT NULL,
    paid_at  timestamptz NOT NULL
);
INSERT INTO payments
SELECT g, g, CASE WHEN u(g, 6) < 0.7 THEN 'card' WHEN u(g, 6) < 0.9 THEN 'paypal'
                  WHEN u(g, 6) < 0.99 THEN 'bank' ELSE 'voucher' END,
       round((5 + 500 * u(g, 7))::numeric, 2), timestamptz '2023-01-01' + g * interval '100 seconds'
FROM generate_series(1, 300000) g;

-- 400,000 visits over 100 sites, spread over the whole table (for bitmaps and a two-column index).
CREATE TABLE visits (
    id          bigint PRIMARY KEY,
    site_id     int NOT NULL,
    visited_at  timestamptz NOT NULL,
    duration_ms int NOT NULL,
    agent       text NOT NULL
);
INSERT INTO visits
SELECT g, 1 + floor(100 * power(u(g, 8), 1.5))::int, timestamptz '2024-01-01' + g * interval '30 seconds',
       (1000 + 60000 * u(g, 9))::int, CASE WHEN g % 4 = 0 THEN 'bot' ELSE 'browser' END
FROM generate_series(1, 400000) g;
CREATE INDEX visits_site_visited_idx ON visits (site_id, visited_at);

-- Support tickets with an index whose range column comes before its equality column.
CREATE TABLE tickets (
    id        int PRIMARY KEY,
    queue_id  int NOT NULL,
    opened_at timestamptz NOT NULL,
    subject   text NOT NULL
);
INSERT INTO tickets
SELECT g, 1 + g % 50, timestamptz '2024-01-01' + g * interval '2 minutes', 'ticket ' || g
FROM generate_series(1, 200000) g;
CREATE INDEX tickets_opened_queue_idx ON tickets (opened_at, queue_id);

-- Stock levels: updated after VACUUM with autovacuum off, so index-only scans visit the heap.
CREATE TABLE stock (
    id           int PRIMARY KEY,
    warehouse_id int NOT NULL,
    sku          text NOT NULL,
    qty          int NOT NULL
) WITH (autovacuum_enabled = off);
INSERT INTO stock SELECT g, 1 + g % 20, 'sku-' || g, (g * 13) % 500 FROM generate_series(1, 200000) g;
CREATE INDEX stock_warehouse_qty_idx ON stock (warehouse_id, qty);

-- A notification inbox analyzed before a burst of unread rows arrived (stale statistics).
CREATE TABLE inbox (
    id      int PRIMARY KEY,
    user_id int NOT NULL,
    state   text NOT NULL
) WITH (autovacuum_enabled = off);
INSERT INTO inbox SELECT g, 1 + g % 1000, 'read' FROM generate_series(1, 100000) g;

VACUUM ANALYZE;

-- After statistics: the stale-statistics and unvacuumed states.
INSERT INTO inbox SELECT 100000 + g, 1 + g % 1000, 'unread' FROM generate_series(1, 30000) g;
UPDATE stock SET qty = qty + 1 WHERE warehouse_id IN (3, 4);
