-- shop: schema designed by accesspath from examples/shop.yaml
-- Target: PostgreSQL 14 and later.
-- The rationale of every table, key, constraint and index is in design.md.
-- Generated: change the spec and design again rather than editing this file.
-- About 2M rows (declared), +2000 a day; a row is about 132 bytes, so the heap is about 269 MB.
CREATE TABLE customer (
    id bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
    email text NOT NULL,
    full_name varchar(200) NOT NULL,
    country varchar(2) NOT NULL,
    created_at timestamptz DEFAULT now() NOT NULL,
    CONSTRAINT customer_pkey PRIMARY KEY (id),
    CONSTRAINT customer_email_check CHECK (email ~ '^[^@[:space:]]+@[^@[:space:]]+$')
) WITH (fillfactor = 90);

-- About 400 rows (declared); a row is about 120 bytes, so the heap is about 56 kB.
CREATE TABLE category (
    id bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
    parent_id bigint,
    name varchar(100) NOT NULL,
    slug varchar(64) NOT NULL,
    CONSTRAINT category_pkey PRIMARY KEY (id),
    CONSTRAINT category_slug_key UNIQUE (slug)
);

-- About 50k rows (declared), +20 a day; a row is about 536 bytes, so the heap is about 27.9 MB.
CREATE TABLE product (
    id bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
    sku varchar(32) NOT NULL,
    name varchar(200) NOT NULL,
    description text,
    price numeric(14,2) NOT NULL,
    attributes jsonb,
    active boolean DEFAULT true NOT NULL,
    search_vector tsvector GENERATED ALWAYS AS (setweight(to_tsvector('english'::regconfig, coalesce(description, '')), 'A')) STORED,
    CONSTRAINT product_pkey PRIMARY KEY (id),
    CONSTRAINT product_sku_key UNIQUE (sku),
    CONSTRAINT product_price_check CHECK (price >= 0)
);

-- About 20M rows (declared), +20k a day; a row is about 81 bytes, so the heap is about 1.59 GB.
CREATE TABLE orders (
    id bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
    customer_id bigint NOT NULL,
    status text DEFAULT 'pending' NOT NULL,
    placed_at timestamptz DEFAULT now() NOT NULL,
    shipped_at timestamptz,
    total_amount numeric(14,2) NOT NULL,
    CONSTRAINT orders_pkey PRIMARY KEY (id),
    CONSTRAINT orders_status_check CHECK (status IN ('pending', 'paid', 'shipped', 'delivered', 'cancelled')),
    CONSTRAINT orders_total_amount_check CHECK (total_amount >= 0)
);

-- About 60M rows (3 per order); a row is about 82 bytes, so the heap is about 4.87 GB.
CREATE TABLE order_line (
    id bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
    order_id bigint NOT NULL,
    product_id bigint NOT NULL,
    quantity integer NOT NULL,
    unit_price numeric(14,2) NOT NULL,
    amount numeric(14,2) NOT NULL,
    CONSTRAINT order_line_pkey PRIMARY KEY (id),
    CONSTRAINT order_line_order_id_product_id_key UNIQUE (order_id, product_id),
    CONSTRAINT order_line_quantity_check CHECK (quantity >= 1 AND quantity <= 100),
    CONSTRAINT order_line_unit_price_check CHECK (unit_price >= 0),
    CONSTRAINT order_line_amount_check CHECK (amount >= 0)
);

-- 'product_category' is many-to-many: one row per link, keyed by both ends so a link exists once; the
-- key's index answers product -> category. About 100k links (2 per product).
CREATE TABLE product_category (
    product_id bigint NOT NULL,
    category_id bigint NOT NULL,
    CONSTRAINT product_category_pkey PRIMARY KEY (product_id, category_id)
);

-- ON DELETE SET NULL: the reference is optional: deleting a category keeps the category rows that
-- point at it as 'parent' and sets their parent_id to NULL. ON UPDATE RESTRICT: category's key is a
-- surrogate that never changes, so an update of it is a bug to stop.
ALTER TABLE category ADD CONSTRAINT category_parent_id_fkey FOREIGN KEY (parent_id) REFERENCES category (id) ON DELETE SET NULL ON UPDATE RESTRICT;

-- ON DELETE RESTRICT: the reference is required but not owned: a customer that still has order rows
-- cannot be deleted (history is kept; delete or reassign them first). ON UPDATE RESTRICT: customer's
-- key is a surrogate that never changes, so an update of it is a bug to stop.
ALTER TABLE orders ADD CONSTRAINT orders_customer_id_fkey FOREIGN KEY (customer_id) REFERENCES customer (id) ON DELETE RESTRICT ON UPDATE RESTRICT;

-- ON DELETE CASCADE: an order_line is owned by its order and lives and dies with it: deleting the
-- order deletes its lines. ON UPDATE RESTRICT: order's key is a surrogate that never changes, so an
-- update of it is a bug to stop.
ALTER TABLE order_line ADD CONSTRAINT order_line_order_id_fkey FOREIGN KEY (order_id) REFERENCES orders (id) ON DELETE CASCADE ON UPDATE RESTRICT;

-- ON DELETE RESTRICT: the reference is required but not owned: a product that still has order_line
-- rows cannot be deleted (history is kept; delete or reassign them first). ON UPDATE RESTRICT:
-- product's key is a surrogate that never changes, so an update of it is a bug to stop.
ALTER TABLE order_line ADD CONSTRAINT order_line_product_id_fkey FOREIGN KEY (product_id) REFERENCES product (id) ON DELETE RESTRICT ON UPDATE RESTRICT;

-- A link means nothing without both ends: deleting a product removes its links. ON UPDATE RESTRICT:
-- keys are surrogates that never change.
ALTER TABLE product_category ADD CONSTRAINT product_category_product_id_fkey FOREIGN KEY (product_id) REFERENCES product (id) ON DELETE CASCADE ON UPDATE RESTRICT;

-- A link means nothing without both ends: deleting a category removes its links. ON UPDATE RESTRICT:
-- keys are surrogates that never change.
ALTER TABLE product_category ADD CONSTRAINT product_category_category_id_fkey FOREIGN KEY (category_id) REFERENCES category (id) ON DELETE CASCADE ON UPDATE RESTRICT;

CREATE UNIQUE INDEX customer_lower_email_key ON customer USING btree ((lower(email)));

-- serves: product_search
-- cost: ~2.88 MB at 50k rows; ~1 index entries/s (20/day inserts x 50% matching the predicate; 6/min
-- updates of indexed columns (price/active, not HOT)); GIN adds ~20 keys per row, batched through its
-- pending list (fastupdate)
CREATE INDEX product_search_vector_active_idx ON product USING gin (search_vector) WHERE active;

-- serves: customer_orders
-- cost: ~1.26 GB at 20M rows; ~1.23 index entries/s (14/min inserts; 1/s updates of indexed columns
-- (status/shipped_at, not HOT)); each row write also writes a ~60-byte entry (+74% of the ~81-byte
-- row)
CREATE INDEX orders_customer_id_status_placed_at_id_total_amount_idx ON orders USING btree (customer_id, status, placed_at DESC, id DESC, total_amount);

-- serves: recent_orders_of_customer
-- cost: ~770 MB at 20M rows; ~1.23 index entries/s (14/min inserts; 1/s updates of indexed columns
-- (status/shipped_at, not HOT)); each row write also writes a ~36-byte entry (+44% of the ~81-byte
-- row)
CREATE INDEX orders_customer_id_placed_at_id_idx ON orders USING btree (customer_id, placed_at DESC, id DESC);

-- serves: fulfilment_queue
-- cost: ~17.9 MB at 20M rows; ~0.04 index entries/s (14/min inserts x 3% matching the predicate; 1/s
-- updates of indexed columns (status/shipped_at, not HOT)); each row write also writes a ~28-byte
-- entry (+35% of the ~81-byte row)
CREATE INDEX orders_placed_at_id_paid_idx ON orders USING btree (placed_at, id) WHERE status = 'paid';

-- serves: product_sales
-- cost: ~2.26 GB at 60M rows; ~0.69 index entries/s (42/min inserts); each row write also writes a
-- ~36-byte entry (+44% of the ~82-byte row)
CREATE INDEX order_line_product_id_idx ON order_line USING btree (product_id) INCLUDE (amount);

-- serves: products_in_category
-- cost: ~2.99 MB at 100k rows; ~0 index entries/s (1.67/h inserts); each row write also writes a
-- ~28-byte entry (+64% of the ~44-byte row)
CREATE INDEX product_category_category_id_product_id_idx ON product_category USING btree (category_id, product_id);

COMMENT ON TABLE customer IS 'Someone who buys.';

COMMENT ON TABLE category IS 'A shelf in the catalogue; categories nest.';

COMMENT ON TABLE product IS 'Something we sell.';

COMMENT ON TABLE orders IS 'A customer''s purchase.';

COMMENT ON TABLE order_line IS 'One product on an order.';

COMMENT ON TABLE product_category IS 'Links product and category (product_category, many-to-many).';

