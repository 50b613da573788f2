#!/usr/bin/env bash
# Captures the diagnosis fixtures under src/test/resources/plans/diagnose/pg15: for each case, the
# FORMAT JSON and FORMAT TEXT output of the same EXPLAIN, from the same session, after one
# warm-up run (warm caches, hint bits set, catalog caches loaded).
#
#   capture.sh PORT [--rebuild] [CASE...]      e.g. capture.sh 5432 --rebuild
#
# Needs psql and a server on 127.0.0.1:PORT (user postgres, trust). --rebuild (re)creates the
# database diag_fixtures from schema.sql (about 15 s); without it the database must exist.
# Cases marked "tx" run their setup and EXPLAIN inside a transaction that is rolled back (the
# "after the fix" plans: an index, statistics), so the database keeps its state between runs.
# Cases whose names end in _near_miss are the plans a rule must not report.
set -euo pipefail
port=$1; shift
here=$(cd "$(dirname "$0")" && pwd)
out="$here/../../resources/plans/diagnose/pg15"
mkdir -p "$out"
if [[ "${1:-}" == "--rebuild" ]]; then
    shift
    psql -h 127.0.0.1 -p "$port" -U postgres -X -q -c "DROP DATABASE IF EXISTS diag_fixtures" -c "CREATE DATABASE diag_fixtures"
    psql -h 127.0.0.1 -p "$port" -U postgres -d diag_fixtures -X -q -v ON_ERROR_STOP=1 -f "$here/schema.sql"
fi
only=" $* "

psql_run() { psql -h 127.0.0.1 -p "$port" -U postgres -d diag_fixtures -X -q -At -v ON_ERROR_STOP=1 "$@"; }

# capture NAME OPTIONS SETUP QUERY [tx]
capture() {
    local name=$1 opts=$2 setup=$3 query=$4 tx=${5:-}
    if [[ "$only" != "  " && "$only" != *" $name "* ]]; then return; fi
    local begin="" end="" once="$setup" each=""
    if [[ -n "$tx" ]]; then begin="BEGIN;"; end="ROLLBACK;"; once=""; each="$setup"; fi
    if psql_run >/dev/null 2>"$out/.err" <<SQL
SET search_path = diag;
SET TimeZone = 'UTC';
SET jit = off;
SET max_parallel_workers_per_gather = 0;
$once
$begin $each EXPLAIN ($opts, FORMAT JSON) $query; $end
\o $out/$name.json
$begin $each EXPLAIN ($opts, FORMAT JSON) $query; $end
\o $out/$name.txt
$begin $each EXPLAIN ($opts, FORMAT TEXT) $query; $end
SQL
    then echo "captured diagnose/pg15/$name"
    else echo "failed diagnose/pg15/$name: $(head -c 300 "$out/.err")"; rm -f "$out/$name.json" "$out/$name.txt"; exit 1
    fi
    rm -f "$out/.err"
}

AB="ANALYZE, BUFFERS"
PARALLEL="SET max_parallel_workers_per_gather = 2;"

# missing-index
capture missing_index "$AB" "" "SELECT * FROM payments WHERE method = 'voucher' AND paid_at >= '2023-06-01'"
capture missing_index_fixed "$AB" "CREATE INDEX ON payments (method, paid_at);" "SELECT * FROM payments WHERE method = 'voucher' AND paid_at >= '2023-06-01'" tx
capture missing_index_unselective_near_miss "$AB" "" "SELECT * FROM payments WHERE method = 'card' AND paid_at >= '2023-06-01'"
capture missing_index_small_table_near_miss "$AB" "" "SELECT * FROM cities WHERE country = 'NL'"

# inefficient-index
capture inefficient_index_filter "$AB" "" "SELECT * FROM orders WHERE customer_id = 1 AND status = 'pending'"
capture inefficient_index_filter_near_miss "$AB" "" "SELECT * FROM orders WHERE customer_id = 2 AND status = 'delivered'"
capture inefficient_index_second_column "$AB" "SET enable_seqscan = off; SET enable_bitmapscan = off;" "SELECT * FROM visits WHERE visited_at >= '2024-02-01' AND visited_at < '2024-02-01 01:00'"
capture inefficient_index_range_first "$AB" "" "SELECT * FROM tickets WHERE queue_id = 7 AND opened_at >= '2024-03-01' AND opened_at < '2024-05-01'"
capture inefficient_index_leading_column_near_miss "$AB" "SET enable_bitmapscan = off;" "SELECT * FROM visits WHERE site_id = 40 AND visited_at >= '2024-02-01' AND visited_at < '2024-03-01'"

# misestimate (and nested-loop-underestimate on the join)
capture misestimate_correlated "$AB" "" "SELECT * FROM customers WHERE city = 'Amsterdam' AND country = 'NL'"
capture misestimate_correlated_fixed "$AB" "CREATE STATISTICS customers_city_country_stats (dependencies, ndistinct, mcv) ON city, country FROM customers; ANALYZE customers;" "SELECT * FROM customers WHERE city = 'Amsterdam' AND country = 'NL'" tx
capture misestimate_stale "$AB" "" "SELECT * FROM inbox WHERE state = 'unread'"
capture misestimate_near_miss "$AB" "" "SELECT * FROM customers WHERE city = 'Amsterdam'"
capture nested_loop_underestimate "$AB" "" "SELECT o.id, o.total FROM customers c JOIN orders o ON o.customer_id = c.id WHERE c.city = 'Amsterdam' AND c.country = 'NL'"
capture nested_loop_underestimate_fixed "$AB" "CREATE STATISTICS customers_city_country_stats (dependencies, ndistinct, mcv) ON city, country FROM customers; ANALYZE customers;" "SELECT o.id, o.total FROM customers c JOIN orders o ON o.customer_id = c.id WHERE c.city = 'Amsterdam' AND c.country = 'NL'" tx
capture nested_loop_near_miss "$AB" "" "SELECT o.id, o.total FROM customers c JOIN orders o ON o.customer_id = c.id WHERE c.id < 50"

# sort-spill, hash-spill, lossy-bitmap
capture sort_spill "$AB" "SET work_mem = '1MB';" "SELECT * FROM orders ORDER BY total DESC, id"
capture sort_spill_fixed "$AB" "SET work_mem = '64MB';" "SELECT * FROM orders ORDER BY total DESC, id"
capture sort_spill_parallel "$AB" "$PARALLEL SET work_mem = '1MB';" "SELECT * FROM orders WHERE total > 100 ORDER BY total DESC, id"
capture sort_spill_incremental "$AB" "SET work_mem = '64kB';" "SELECT * FROM orders ORDER BY customer_id, total LIMIT 20000"
capture sort_top_n_near_miss "$AB" "SET work_mem = '1MB';" "SELECT * FROM orders ORDER BY total DESC, id LIMIT 10"
capture hash_spill_join "$AB" "SET work_mem = '1MB';" "SELECT o.channel, count(*), sum(p.amount) FROM orders o JOIN payments p ON p.order_id = o.id GROUP BY o.channel"
capture hash_spill_aggregate "$AB" "SET work_mem = '1MB'; SET enable_sort = off; SET enable_indexscan = off;" "SELECT customer_id, count(*), sum(total) FROM orders GROUP BY customer_id"
capture lossy_bitmap "$AB" "SET work_mem = '64kB';" "SELECT count(duration_ms) FROM visits WHERE site_id = 3"
capture lossy_bitmap_exact_near_miss "$AB" "" "SELECT count(duration_ms) FROM visits WHERE site_id = 3"

# heap-fetches
capture heap_fetches "$AB" "SET enable_bitmapscan = off;" "SELECT warehouse_id, qty FROM stock WHERE warehouse_id = 3 AND qty < 100"
capture heap_fetches_vacuumed_near_miss "$AB" "" "SELECT count(*) FROM visits WHERE site_id = 3"

# order-by-limit-wrong-index, large-offset
capture order_by_limit "$AB" "" "SELECT * FROM orders WHERE status = 'cancelled' ORDER BY created_at DESC LIMIT 10"
capture order_by_limit_near_miss "$AB" "" "SELECT * FROM orders WHERE channel = 'store' ORDER BY created_at DESC LIMIT 10"
capture large_offset "$AB" "" "SELECT * FROM orders ORDER BY created_at OFFSET 100000 LIMIT 20"
capture large_offset_sorted "$AB" "" "SELECT * FROM payments ORDER BY amount, id OFFSET 50000 LIMIT 20"
capture large_offset_near_miss "$AB" "" "SELECT * FROM orders ORDER BY created_at OFFSET 20 LIMIT 20"

# non-sargable
capture non_sargable_lower "$AB" "" "SELECT * FROM customers WHERE lower(email) = 'user4242@mail.test'"
capture non_sargable_date_trunc "$AB" "" "SELECT count(*) FROM orders WHERE date_trunc('day', created_at) = '2023-03-05'"
capture non_sargable_implicit_cast "$AB" "" "SELECT * FROM orders WHERE customer_id = 4242.0"
capture non_sargable_text_cast "$AB" "" "SELECT * FROM orders WHERE id::text = '4242'"
capture non_sargable_like "$AB" "" "SELECT * FROM customers WHERE email LIKE '%@example.org' AND created_at > '2022-06-01'"
capture non_sargable_or_columns "$AB" "" "SELECT * FROM orders WHERE customer_id = 4242 OR total > 999.9"
capture non_sargable_or_join "$AB" "" "SELECT o.id FROM orders o JOIN customers c ON c.id = o.customer_id WHERE c.email = 'user4242@mail.test' OR o.status = 'cancelled'"
capture non_sargable_range_near_miss "$AB" "" "SELECT count(*) FROM orders WHERE created_at >= '2023-03-05' AND created_at < '2023-03-06'"
capture non_sargable_unselective_near_miss "$AB" "" "SELECT count(*) FROM customers WHERE lower(email) LIKE '%@mail.test'"

# correlated-subplan
capture correlated_subplan "$AB" "" "SELECT c.id, (SELECT max(o.created_at) FROM orders o WHERE o.customer_id = c.id) FROM customers c WHERE c.country = 'NL'"
capture correlated_subplan_near_miss "$AB" "" "SELECT c.id, (SELECT max(o.created_at) FROM orders o WHERE o.customer_id = c.id) FROM customers c WHERE c.country = 'NL' AND c.id < 500"
capture hashed_subplan_near_miss "$AB" "" "SELECT count(*) FROM customers WHERE id NOT IN (SELECT customer_id FROM orders WHERE status = 'pending')"

# workers-not-launched (the pool is emptied in the session: a real plan, reproducibly)
capture workers_not_launched "$AB, SETTINGS" "$PARALLEL SET max_parallel_workers = 0;" "SELECT status, count(*) FROM orders GROUP BY status"
capture workers_launched_near_miss "$AB, SETTINGS" "$PARALLEL" "SELECT status, count(*) FROM orders GROUP BY status"

# jit-dominates, planning-dominates
capture jit_dominates "$AB" "SET jit = on; SET jit_above_cost = 0; SET jit_inline_above_cost = 0; SET jit_optimize_above_cost = 0;" "SELECT channel, sum(total), count(*) FROM orders WHERE customer_id = 2 GROUP BY channel"
capture jit_near_miss "$AB" "SET jit = on; SET jit_above_cost = 0;" "SELECT o.channel, sum(o.total), count(*) FROM orders o JOIN payments p ON p.order_id = o.id GROUP BY o.channel"
# twelve joins of a tiny table: the join search costs far more than the execution
joins="SELECT count(*) FROM cities c1"
for i in $(seq 2 12); do joins="$joins JOIN cities c$i ON c$i.id = c$((i - 1)).id"; done
capture planning_dominates "$AB" "" "$joins WHERE c1.country = 'NL'"

# schema-join-hot-path
capture hot_join "$AB" "" "SELECT c.country, o.status, count(*) FROM orders o JOIN customers c ON c.id = o.customer_id GROUP BY c.country, o.status"
capture hot_join_all_rows_near_miss "$AB" "" "SELECT o.id, c.country FROM orders o JOIN customers c ON c.id = o.customer_id"
