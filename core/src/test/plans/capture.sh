#!/usr/bin/env bash
# Captures the real plans under src/test/resources/plans/<dir>: for each case, the FORMAT JSON
# and the FORMAT TEXT output of the same EXPLAIN, from the same session, after one warm-up run
# (so both see warm caches and the same statistics).
#
#   capture.sh PORT DIR [CASE...]      e.g. capture.sh 5432 pg15
#
# Needs psql and a server on 127.0.0.1:PORT (user postgres, trust) whose database "plans" was
# built with schema.sql. Cases that a server version cannot run (Memoize before 14, ...) fail
# with the server's error and are skipped.
set -euo pipefail
port=$1; dir=$2; shift 2
here=$(cd "$(dirname "$0")" && pwd)
out="$here/../resources/plans/$dir"
mkdir -p "$out"
only=" $* "

psql_run() { psql -h 127.0.0.1 -p "$port" -U postgres -d plans -X -q -At -v ON_ERROR_STOP=1 "$@"; }

# capture NAME OPTIONS SETUP QUERY [tx]: tx wraps each run in BEGIN/ROLLBACK (data-modifying queries).
capture() {
    local name=$1 opts=$2 setup=$3 query=$4 tx=${5:-}
    if [[ "$only" != "  " && "$only" != *" $name "* ]]; then return; fi
    local begin="" end=""
    if [[ -n "$tx" ]]; then begin="BEGIN;"; end="ROLLBACK;"; fi
    local sep=", "; [[ -z "$opts" ]] && sep=""
    if psql_run >/dev/null 2>"$out/.err" <<SQL
SET search_path = shop;
SET max_parallel_workers_per_gather = 0;
$setup
$begin EXPLAIN ($opts$sep FORMAT JSON) $query; $end
\o $out/$name.json
$begin EXPLAIN ($opts$sep FORMAT JSON) $query; $end
\o $out/$name.txt
$begin EXPLAIN ($opts$sep FORMAT TEXT) $query; $end
SQL
    then echo "captured $dir/$name"
    else echo "skipped $dir/$name: $(head -c 200 "$out/.err")"; rm -f "$out/$name.json" "$out/$name.txt"
    fi
    rm -f "$out/.err"
}

PARALLEL="SET max_parallel_workers_per_gather = 2; SET parallel_setup_cost = 0; SET parallel_tuple_cost = 0; SET min_parallel_table_scan_size = 0;"
AB="ANALYZE, BUFFERS"

capture seq_scan_filter "$AB" "" "SELECT * FROM orders WHERE total > 990"
capture index_scan "$AB" "" "SELECT * FROM orders WHERE id = 42"
capture index_scan_backward_limit "$AB" "" "SELECT * FROM orders ORDER BY created_at DESC LIMIT 5"
capture index_only_scan "$AB" "SET enable_bitmapscan = off;" "SELECT customer_id FROM orders WHERE customer_id BETWEEN 10 AND 20"
capture index_searches "$AB" "" "SELECT * FROM orders WHERE customer_id IN (1, 2, 3)"
capture quoted_names "$AB" "" "SELECT * FROM \"Order Notes\" n WHERE order_id = 100"
capture bitmap_or "$AB" "" "SELECT * FROM orders WHERE customer_id = 5 OR status = 'open'"
capture bitmap_and "$AB" "SET enable_indexscan = off; SET enable_seqscan = off;" "SELECT * FROM orders WHERE customer_id < 400 AND status = 'open'"
capture bitmap_lossy "$AB" "SET work_mem = '64kB'; SET enable_seqscan = off; SET enable_indexscan = off; SET enable_indexonlyscan = off;" "SELECT count(*) FROM orders WHERE status = 'cancelled'"
capture hash_join "$AB" "" "SELECT c.country, o.total FROM orders o JOIN customers c ON c.id = o.customer_id WHERE o.status = 'open'"
capture hash_join_batches "$AB" "SET work_mem = '64kB'; SET enable_mergejoin = off;" "SELECT count(*) FROM orders a JOIN orders b ON a.id = b.id"
capture merge_join "$AB" "SET enable_hashjoin = off; SET enable_nestloop = off;" "SELECT c.name, o.total FROM customers c JOIN orders o ON o.customer_id = c.id WHERE c.id < 100"
capture nested_loop_left "$AB" "" "SELECT * FROM customers c LEFT JOIN orders o ON o.customer_id = c.id WHERE c.id < 5"
capture anti_join "$AB" "" "SELECT * FROM customers c WHERE NOT EXISTS (SELECT 1 FROM orders o WHERE o.customer_id = c.id AND o.status = 'open')"
capture semi_join "$AB" "" "SELECT * FROM customers c WHERE c.id IN (SELECT customer_id FROM orders WHERE total > 900)"
capture hash_aggregate "$AB" "" "SELECT status, count(*), sum(total) FROM orders GROUP BY status"
capture hashagg_spill "$AB" "SET work_mem = '64kB'; SET enable_sort = off;" "SELECT id % 5000 AS k, count(*) FROM orders GROUP BY 1"
capture group_aggregate "$AB" "SET enable_hashagg = off;" "SELECT customer_id, max(total) FROM orders WHERE customer_id < 50 GROUP BY customer_id"
capture grouping_sets "$AB" "" "SELECT status, country, count(*) FROM orders o JOIN customers c ON c.id = o.customer_id GROUP BY GROUPING SETS ((status), (country), ())"
capture parallel_aggregate "$AB, VERBOSE" "$PARALLEL" "SELECT count(*), avg(total) FROM orders"
capture gather_merge_sort "$AB" "$PARALLEL" "SELECT * FROM orders WHERE total > 900 ORDER BY total, id"
capture sort_external "$AB" "SET work_mem = '64kB';" "SELECT * FROM orders ORDER BY total DESC, id"
capture incremental_sort "$AB" "" "SELECT * FROM orders ORDER BY created_at, total LIMIT 1000"
capture memoize "$AB" "SET enable_hashjoin = off; SET enable_mergejoin = off;" "SELECT count(*) FROM orders o JOIN customers c ON c.id = o.customer_id WHERE o.id < 5000"
capture materialize "$AB" "SET enable_hashjoin = off; SET enable_mergejoin = off; SET enable_memoize = off;" "SELECT count(*) FROM customers a JOIN customers b ON a.country = b.country WHERE a.id < 10"
capture append_partitions "$AB" "" "SELECT kind, count(*) FROM events WHERE day >= '2024-12-15' GROUP BY kind"
capture merge_append "$AB" "" "SELECT id FROM orders WHERE id < 50 UNION ALL SELECT order_id FROM \"Order Notes\" ORDER BY 1 LIMIT 10"
capture cte_scan "$AB" "" "WITH t AS MATERIALIZED (SELECT customer_id, sum(total) s FROM orders GROUP BY customer_id) SELECT * FROM t WHERE s > 29000 ORDER BY s DESC"
capture window_subquery "$AB" "" "SELECT * FROM (SELECT customer_id, row_number() OVER (PARTITION BY customer_id ORDER BY created_at) rn FROM orders WHERE customer_id < 20) x WHERE rn = 1"
capture initplan_subplan "$AB" "" "SELECT c.id, (SELECT max(total) FROM orders o WHERE o.customer_id = c.id) FROM customers c WHERE c.created_at > (SELECT max(created_at) - interval '20 hours' FROM customers)"
capture hashed_subplan "$AB" "" "SELECT * FROM customers WHERE id NOT IN (SELECT customer_id FROM orders WHERE status = 'open')"
capture function_values "$AB" "" "SELECT * FROM generate_series(1, 10) g JOIN (VALUES (1, 'a'), (2, 'b')) v(n, s) ON v.n = g"
capture result_project_set "$AB" "" "SELECT generate_series(1, 3), 1 + 1"
capture setop_except "$AB" "" "SELECT customer_id FROM orders WHERE id < 100 EXCEPT SELECT id FROM customers WHERE id < 50"
capture unique_sort "$AB" "SET enable_hashagg = off;" "SELECT DISTINCT country FROM customers"
capture recursive_cte "$AB" "" "WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r WHERE n < 10) SELECT * FROM r"
capture lock_rows "$AB" "" "SELECT * FROM orders WHERE id < 4 FOR UPDATE" tx
capture update_trigger "$AB, WAL" "" "UPDATE orders SET status = 'closed' WHERE id < 5" tx
capture insert_fk "$AB, WAL" "" "INSERT INTO orders VALUES (200001, 7, 'open', 1, '2025-01-01')" tx
capture delete_quoted "$AB, WAL" "" "DELETE FROM \"Order Notes\" WHERE order_id < 100" tx
capture timing_off_never_executed "ANALYZE, TIMING OFF" "" "SELECT * FROM customers c JOIN orders o ON o.customer_id = c.id WHERE c.id = -1"
capture plain_explain "" "" "SELECT c.country, count(*) FROM orders o JOIN customers c ON c.id = o.customer_id GROUP BY c.country"
capture costs_off "COSTS OFF" "" "SELECT * FROM orders WHERE customer_id = 5 ORDER BY created_at"
capture verbose_settings "ANALYZE, VERBOSE, SETTINGS, BUFFERS" "SET enable_seqscan = off; SET work_mem = '1MB';" "SELECT c.name, o.total FROM customers c JOIN orders o ON o.customer_id = c.id WHERE c.id = 3"
capture jit "ANALYZE" "SET jit_above_cost = 0; SET jit_inline_above_cost = 0; SET jit_optimize_above_cost = 0;" "SELECT sum(total), count(*) FROM orders"
capture disabled_seqscan "ANALYZE" "SET enable_seqscan = off;" "SELECT * FROM customers WHERE name = 'customer 7'"
