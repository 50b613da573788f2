-- A few rows for every access pattern of examples/shop.yaml: customer 1 has most orders, paid
-- orders share placed_at in pairs (the keyset tiebreaker decides), products sit in categories.
INSERT INTO customer (id, email, full_name, country) OVERRIDING SYSTEM VALUE VALUES
    (1, 'Ann@Example.com', 'Ann Example', 'DE'),
    (2, 'bob@example.com', 'Bob Example', 'FR');
INSERT INTO category (id, parent_id, name, slug) OVERRIDING SYSTEM VALUE VALUES
    (1, NULL, 'Tools', 'tools'),
    (2, 1, 'Hammers', 'hammers');
INSERT INTO product (id, sku, name, description, price, attributes, active) OVERRIDING SYSTEM VALUE VALUES
    (1, 'HAM-1', 'Claw hammer', 'A steel claw hammer that pulls nails', 19.90, '{"weight": 500}', true),
    (2, 'HAM-2', 'Sledge hammer', 'A heavy hammer for demolition work', 49.00, '{"weight": 3000}', true),
    (3, 'SAW-1', 'Hand saw', 'A saw for wood and a steel blade', 24.50, NULL, true),
    (4, 'HAM-3', 'Ball hammer', 'A small hammer for metal work', 15.00, NULL, true),
    (5, 'OLD-1', 'Old hammer', 'A retired hammer', 5.00, NULL, false);
INSERT INTO product_category (product_id, category_id) VALUES
    (1, 1), (2, 1), (3, 1), (4, 1), (5, 1), (1, 2), (2, 2), (4, 2);
INSERT INTO orders (id, customer_id, status, placed_at, shipped_at, total_amount) OVERRIDING SYSTEM VALUE
SELECT n, CASE WHEN n <= 9 THEN 1 ELSE 2 END, CASE WHEN n % 5 = 0 THEN 'delivered' ELSE 'paid' END,
       timestamptz '2025-01-01 10:00:00+00' + (n / 2) * interval '1 day', NULL, 10 * n
FROM generate_series(1, 12) AS n;
INSERT INTO order_line (order_id, product_id, quantity, unit_price, amount)
SELECT o, p, 1 + (o + p) % 3, 10, 10 * (1 + (o + p) % 3)
FROM generate_series(1, 12) AS o, generate_series(1, 3) AS p;
