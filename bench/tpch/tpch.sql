-- The TPC-H-like workload for the index advisor benchmark (bench/tpch/README.md): analytic
-- queries adapted from TPC-H (parameters narrowed where the original scans most of a table, so
-- that an index can matter) and OLTP-style lookups. Each statement is preceded by its name and
-- its weight (executions per minute); the literals are fixed values from the sf=0.167 data of
-- load.sql. Tables have only their primary and foreign keys, so every secondary index is the
-- advisor's to find.

-- name: q1_pricing_summary
-- TPC-H Q1: 97% of lineitem; no index helps (the control case).
-- weight: 1
SELECT l_returnflag, l_linestatus, sum(l_quantity) AS sum_qty, sum(l_extendedprice) AS sum_base_price,
       sum(l_extendedprice * (1 - l_discount)) AS sum_disc_price,
       sum(l_extendedprice * (1 - l_discount) * (1 + l_tax)) AS sum_charge,
       avg(l_quantity) AS avg_qty, avg(l_extendedprice) AS avg_price, avg(l_discount) AS avg_disc,
       count(*) AS count_order
FROM lineitem
WHERE l_shipdate <= date '1998-12-01' - interval '90 days'
GROUP BY l_returnflag, l_linestatus
ORDER BY l_returnflag, l_linestatus;

-- name: q2_minimum_cost_supplier
-- TPC-H Q2: 0.4% of the parts, their suppliers in a region, with the correlated minimum.
-- weight: 2
SELECT s_acctbal, s_name, n_name, p_partkey, p_mfgr, s_address, s_phone, s_comment
FROM part, supplier, partsupp, nation, region
WHERE p_partkey = ps_partkey AND s_suppkey = ps_suppkey AND p_size = 15 AND p_type LIKE '%BRASS'
  AND s_nationkey = n_nationkey AND n_regionkey = r_regionkey AND r_name = 'EUROPE'
  AND ps_supplycost = (SELECT min(ps_supplycost)
                       FROM partsupp, supplier, nation, region
                       WHERE p_partkey = ps_partkey AND s_suppkey = ps_suppkey
                         AND s_nationkey = n_nationkey AND n_regionkey = r_regionkey
                         AND r_name = 'EUROPE')
ORDER BY s_acctbal DESC, n_name, s_name, p_partkey
LIMIT 100;

-- name: q3_shipping_priority
-- TPC-H Q3 over two weeks of orders instead of three years.
-- weight: 4
SELECT l_orderkey, sum(l_extendedprice * (1 - l_discount)) AS revenue, o_orderdate, o_shippriority
FROM customer, orders, lineitem
WHERE c_mktsegment = 'BUILDING' AND c_custkey = o_custkey AND l_orderkey = o_orderkey
  AND o_orderdate >= date '1995-03-01' AND o_orderdate < date '1995-03-15'
  AND l_shipdate > date '1995-03-15'
GROUP BY l_orderkey, o_orderdate, o_shippriority
ORDER BY revenue DESC, o_orderdate
LIMIT 10;

-- name: q4_order_priority
-- TPC-H Q4 over one month of orders.
-- weight: 2
SELECT o_orderpriority, count(*) AS order_count
FROM orders
WHERE o_orderdate >= date '1993-07-01' AND o_orderdate < date '1993-08-01'
  AND EXISTS (SELECT * FROM lineitem WHERE l_orderkey = o_orderkey AND l_commitdate < l_receiptdate)
GROUP BY o_orderpriority
ORDER BY o_orderpriority;

-- name: q5_local_supplier_volume
-- TPC-H Q5 over one quarter.
-- weight: 1
SELECT n_name, sum(l_extendedprice * (1 - l_discount)) AS revenue
FROM customer, orders, lineitem, supplier, nation, region
WHERE c_custkey = o_custkey AND l_orderkey = o_orderkey AND l_suppkey = s_suppkey
  AND c_nationkey = s_nationkey AND s_nationkey = n_nationkey AND n_regionkey = r_regionkey
  AND r_name = 'ASIA' AND o_orderdate >= date '1994-01-01' AND o_orderdate < date '1994-04-01'
GROUP BY n_name
ORDER BY revenue DESC;

-- name: q6_forecast_revenue
-- TPC-H Q6 over one month of shipments.
-- weight: 4
SELECT sum(l_extendedprice * l_discount) AS revenue
FROM lineitem
WHERE l_shipdate >= date '1994-01-01' AND l_shipdate < date '1994-02-01'
  AND l_discount BETWEEN 0.05 AND 0.07 AND l_quantity < 24;

-- name: q10_returned_items
-- TPC-H Q10 over one month of orders.
-- weight: 2
SELECT c_custkey, c_name, sum(l_extendedprice * (1 - l_discount)) AS revenue, c_acctbal, n_name,
       c_address, c_phone
FROM customer, orders, lineitem, nation
WHERE c_custkey = o_custkey AND l_orderkey = o_orderkey
  AND o_orderdate >= date '1993-10-01' AND o_orderdate < date '1993-11-01'
  AND l_returnflag = 'R' AND c_nationkey = n_nationkey
GROUP BY c_custkey, c_name, c_acctbal, c_phone, n_name, c_address
ORDER BY revenue DESC
LIMIT 20;

-- name: q14_promotion_effect
-- TPC-H Q14: one month of shipments joined to their parts.
-- weight: 2
SELECT 100.00 * sum(CASE WHEN p_type LIKE 'PROMO%' THEN l_extendedprice * (1 - l_discount) ELSE 0 END)
       / sum(l_extendedprice * (1 - l_discount)) AS promo_revenue
FROM lineitem, part
WHERE l_partkey = p_partkey AND l_shipdate >= date '1995-09-01' AND l_shipdate < date '1995-10-01';

-- name: q17_small_quantity_revenue
-- TPC-H Q17 (36 parts of one brand and container, their small lines against the part's average),
-- with the correlated average written as a join, as PostgreSQL users do: as written in TPC-H,
-- PostgreSQL re-scans lineitem for every line of those parts (two minutes here without an index).
-- weight: 4
SELECT sum(l_extendedprice) / 7.0 AS avg_yearly
FROM lineitem
JOIN part ON p_partkey = l_partkey
JOIN (SELECT l_partkey AS agg_partkey, 0.2 * avg(l_quantity) AS avg_quantity
      FROM lineitem
      WHERE l_partkey IN (SELECT p_partkey FROM part WHERE p_brand = 'Brand#23' AND p_container = 'MED BOX')
      GROUP BY l_partkey) AS part_agg ON agg_partkey = l_partkey
WHERE p_brand = 'Brand#23' AND p_container = 'MED BOX' AND l_quantity < avg_quantity;

-- name: q19_discounted_revenue
-- TPC-H Q19: three brand/container/size combinations.
-- weight: 2
SELECT sum(l_extendedprice * (1 - l_discount)) AS revenue
FROM lineitem, part
WHERE p_partkey = l_partkey AND l_shipmode IN ('AIR', 'AIR REG') AND l_shipinstruct = 'DELIVER IN PERSON'
  AND ((p_brand = 'Brand#12' AND p_container IN ('SM CASE', 'SM BOX', 'SM PACK', 'SM PKG')
        AND l_quantity >= 1 AND l_quantity <= 11 AND p_size BETWEEN 1 AND 5)
    OR (p_brand = 'Brand#23' AND p_container IN ('MED BAG', 'MED BOX', 'MED PKG', 'MED PACK')
        AND l_quantity >= 10 AND l_quantity <= 20 AND p_size BETWEEN 1 AND 10)
    OR (p_brand = 'Brand#34' AND p_container IN ('LG CASE', 'LG BOX', 'LG PACK', 'LG PKG')
        AND l_quantity >= 20 AND l_quantity <= 30 AND p_size BETWEEN 1 AND 15));

-- name: q20_potential_part_promotion
-- TPC-H Q20 (parts named forest..., their Canadian suppliers with more stock than half a year's
-- sales), with the correlated sum written as a join for the same reason as q17 (five minutes
-- here as written in TPC-H, without an index).
-- weight: 2
SELECT s_name, s_address
FROM supplier, nation
WHERE s_suppkey IN (
        SELECT ps_suppkey
        FROM partsupp
        JOIN (SELECT l_partkey, l_suppkey, 0.5 * sum(l_quantity) AS half_quantity
              FROM lineitem
              WHERE l_partkey IN (SELECT p_partkey FROM part WHERE p_name LIKE 'forest%')
                AND l_shipdate >= date '1994-01-01' AND l_shipdate < date '1995-01-01'
              GROUP BY l_partkey, l_suppkey) AS sold
          ON l_partkey = ps_partkey AND l_suppkey = ps_suppkey
        WHERE ps_availqty > half_quantity)
  AND s_nationkey = n_nationkey AND n_name = 'CANADA'
ORDER BY s_name;

-- name: o1_customer_orders
-- A customer's order history, newest first.
-- weight: 600
SELECT o_orderkey, o_orderdate, o_orderstatus, o_totalprice
FROM orders
WHERE o_custkey = 4711
ORDER BY o_orderdate DESC
LIMIT 20;

-- name: o2_customer_open_orders
-- weight: 120
SELECT o_orderkey, o_orderdate, o_totalprice
FROM orders
WHERE o_custkey = 12345 AND o_orderstatus = 'O';

-- name: o3_order_lines
-- One order's lines with their parts (primary keys serve it: no new index should be proposed).
-- weight: 900
SELECT l_linenumber, l_quantity, l_extendedprice, l_discount, p_partkey, p_name
FROM lineitem JOIN part ON p_partkey = l_partkey
WHERE l_orderkey = 123457
ORDER BY l_linenumber;

-- name: o4_parts_by_brand_type_size
-- A catalogue page: one brand and type, a size range, cheapest first.
-- weight: 150
SELECT p_partkey, p_name, p_size, p_retailprice
FROM part
WHERE p_brand = 'Brand#34' AND p_type = 'MEDIUM POLISHED STEEL' AND p_size BETWEEN 10 AND 20
ORDER BY p_retailprice
LIMIT 50;

-- name: o5_part_recent_shipments
-- The latest shipments of one part.
-- weight: 60
SELECT l_orderkey, l_linenumber, l_shipdate, l_quantity
FROM lineitem
WHERE l_partkey = 1234 AND l_shipdate >= date '1997-01-01'
ORDER BY l_shipdate DESC
LIMIT 20;

-- name: o6_supplier_low_stock
-- A supplier's parts running low (the primary key leads with the part, not the supplier).
-- weight: 30
SELECT ps_partkey, ps_availqty, ps_supplycost
FROM partsupp
WHERE ps_suppkey = 77 AND ps_availqty < 1000
ORDER BY ps_availqty;

-- name: o7_customer_by_phone
-- weight: 200
SELECT c_custkey, c_name, c_acctbal, c_mktsegment
FROM customer
WHERE c_phone = '28-222-818-7545';

-- name: o8_urgent_orders_of_day
-- weight: 30
SELECT o_orderkey, o_custkey, o_totalprice
FROM orders
WHERE o_orderdate = date '1996-03-01' AND o_orderpriority = '1-URGENT'
ORDER BY o_totalprice DESC
LIMIT 10;

-- name: o9_customer_or_big_orders
-- A customer's orders or any very large order (an OR over two columns: a BitmapOr needs an
-- index on each, one alone does not help: the complementary case greedy search misses).
-- weight: 40
SELECT o_orderkey, o_custkey, o_orderdate, o_totalprice
FROM orders
WHERE o_custkey = 2024 OR o_totalprice > 400000;

-- name: o10_supplier_shipments_in_stock
-- The stock rows of one supplier with their shipments of the last quarter (an index on each
-- side: partsupp by supplier, lineitem by part and supplier).
-- weight: 30
SELECT ps.ps_partkey, ps.ps_availqty, l.l_orderkey, l.l_shipdate, l.l_quantity
FROM partsupp ps JOIN lineitem l ON l.l_partkey = ps.ps_partkey AND l.l_suppkey = ps.ps_suppkey
WHERE ps.ps_suppkey = 1001 AND l.l_shipdate >= date '1998-06-01'
ORDER BY l.l_shipdate DESC;

-- name: o11_top_customers_of_segment
-- The ten richest customers of a segment in a nation.
-- weight: 20
SELECT c_custkey, c_name, c_acctbal
FROM customer
WHERE c_mktsegment = 'FURNITURE' AND c_nationkey = 7
ORDER BY c_acctbal DESC
LIMIT 10;

-- name: o12_daily_revenue
-- Revenue per ship day over one week.
-- weight: 10
SELECT l_shipdate, sum(l_extendedprice * (1 - l_discount)) AS revenue, count(*)
FROM lineitem
WHERE l_shipdate BETWEEN date '1996-11-01' AND date '1996-11-07'
GROUP BY l_shipdate
ORDER BY l_shipdate;
