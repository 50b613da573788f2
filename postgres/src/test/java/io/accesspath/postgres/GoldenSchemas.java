package io.accesspath.postgres;

import static io.accesspath.postgres.TableBuilder.expression;
import static io.accesspath.postgres.TableBuilder.fk;
import static io.accesspath.postgres.TableBuilder.generated;
import static io.accesspath.postgres.TableBuilder.identity;
import static io.accesspath.postgres.TableBuilder.table;

import io.accesspath.core.schema.Column;
import io.accesspath.core.schema.EnumType;
import io.accesspath.core.schema.ExclusionConstraint.Element;
import io.accesspath.core.schema.ForeignKey;
import io.accesspath.core.schema.ForeignKey.Action;
import io.accesspath.core.schema.Index.Key;
import io.accesspath.core.schema.Index.Method;
import io.accesspath.core.schema.Schema;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Hand-built schemas that together use every feature {@link PgDdl} renders. Expressions are
 * written as PostgreSQL prints them back (pretty form: literal casts explicit, such as
 * {@code 0::numeric} and {@code 'new'::order_status}, minimal parentheses), so that render, apply
 * and introspect give back an equal schema. Columns of primary keys and identity columns are NOT
 * NULL, as PostgreSQL makes them.
 */
final class GoldenSchemas {
    private GoldenSchemas() {}

    /** A golden schema: its name (and golden file), the schema, and the comments for its script. */
    record Golden(String name, Schema schema, Map<String, List<String>> comments, int minVersion) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Golden> all() {
        return List.of(
                new Golden("shop", shop(), shopComments(), 14),
                new Golden("cycle", cycle(), Map.of(), 14),
                new Golden("quoting", quoting(), Map.of(), 14),
                new Golden("pg15", pg15(), Map.of(), 15));
    }

    /** Extensions, an enum, identity, defaults, generated columns, every index feature, EXCLUDE, comments. */
    static Schema shop() {
        var customers = table("customers")
                .column(identity("id", "bigint", Column.Identity.ALWAYS))
                .column("email", "text", false)
                .column(Column.of("name", "text", false).withComment("Display name, searched by similarity."))
                .column("referrer_id", "bigint", true)
                .column(Column.of("created_at", "timestamp with time zone", false).withDefault("now()"))
                .primaryKey("customers_pkey", "id")
                .unique("customers_email_key", false, "email")
                .foreignKey(fk("customers_referrer_id_fkey", List.of("referrer_id"), "customers", List.of("id"),
                        Action.SET_NULL, Action.NO_ACTION))
                .index("customers_lower_email_idx", Method.BTREE, List.of(expression("lower(email)")), List.of(),
                        Optional.empty(), true)
                .index("customers_name_trgm_idx", Method.GIN, Key.withOpclass("name", "gin_trgm_ops"))
                .comment("People who place orders.")
                .build();
        var orders = table("orders")
                .column(identity("id", "bigint", Column.Identity.BY_DEFAULT))
                .column("customer_id", "bigint", false)
                .column(Column.of("status", "order_status", false).withDefault("'new'::order_status"))
                .column(Column.of("placed_at", "timestamp with time zone", false).withDefault("now()"))
                .column("subtotal", "numeric(12,2)", false)
                .column(Column.of("tax", "numeric(12,2)", false).withDefault("0"))
                .column(generated("total", "numeric", "subtotal + tax"))
                .column("coupon_code", "character varying(20)", true)
                .column(Column.of("note", "text", true).withDefault("'it''s \\ fine'::text"))
                .primaryKey("orders_pkey", "id")
                .check("orders_subtotal_check", "subtotal >= 0::numeric")
                .check("orders_tax_check", "tax >= 0::numeric AND tax <= subtotal")
                .foreignKey(fk("orders_customer_id_fkey", List.of("customer_id"), "customers", List.of("id"),
                        Action.CASCADE, Action.NO_ACTION))
                .index("orders_customer_placed_idx", Method.BTREE, List.of(Key.asc("customer_id"), Key.desc("placed_at")),
                        List.of("status", "total"), Optional.empty(), false)
                .index("orders_new_idx", Method.BTREE, List.of(Key.asc("placed_at")), List.of(),
                        Optional.of("status = 'new'::order_status"), false)
                .index("orders_coupon_idx", Method.BTREE, List.of(Key.withOpclass("coupon_code", "varchar_pattern_ops")),
                        List.of(), Optional.of("coupon_code IS NOT NULL"), false)
                .index("orders_total_idx", Method.BTREE, List.of(expression("subtotal + tax"),
                        new Key("upper(note)", true, true, Optional.empty())),
                        List.of(), Optional.empty(), false)
                .index("orders_placed_brin", Method.BRIN, Key.asc("placed_at"))
                .index("orders_note_hash", Method.HASH, Key.asc("note"))
                .build();
        var bookings = table("bookings")
                .column(identity("id", "bigint", Column.Identity.ALWAYS))
                .column("room_id", "integer", false)
                .column("during", "tstzrange", false)
                .primaryKey("bookings_pkey", "id")
                .check("bookings_during_check", "NOT isempty(during)")
                .exclusion("bookings_no_overlap", "gist", new Element("room_id", "="), new Element("during", "&&"))
                .index("bookings_during_spgist", Method.SPGIST, Key.asc("during"))
                .index("bookings_during_gist", Method.GIST, Key.asc("during"))
                .build();
        return new Schema(List.of("btree_gist", "pg_trgm"),
                List.of(new EnumType("order_status", List.of("new", "paid", "shipped", "cancelled"))),
                List.of(customers, orders, bookings));
    }

    static Map<String, List<String>> shopComments() {
        return Map.of(
                "table:orders", List.of("Orders, newest first per customer."),
                "index:orders_customer_placed_idx", List.of(
                        "pattern orders_of_customer: customer_id = ? ORDER BY placed_at DESC LIMIT 20",
                        "INCLUDE (status, total) makes it an index-only scan."),
                "foreign-key:orders.orders_customer_id_fkey", List.of("An order belongs to its customer."));
    }

    /** Two tables that reference each other, with RESTRICT and SET DEFAULT actions. */
    static Schema cycle() {
        var departments = table("departments")
                .column("id", "integer", false)
                .column("manager_id", "integer", true)
                .primaryKey("departments_pkey", "id")
                .foreignKey(fk("departments_manager_id_fkey", List.of("manager_id"), "employees", List.of("id"),
                        Action.RESTRICT, Action.CASCADE))
                .build();
        var employees = table("employees")
                .column("id", "integer", false)
                .column(Column.of("department_id", "integer", false).withDefault("0"))
                .primaryKey("employees_pkey", "id")
                .foreignKey(fk("employees_department_id_fkey", List.of("department_id"), "departments", List.of("id"),
                        Action.SET_DEFAULT, Action.RESTRICT))
                .index("employees_department_id_idx", Method.BTREE, Key.asc("department_id"))
                .build();
        return new Schema(List.of(), List.of(), List.of(departments, employees));
    }

    /** Names that need quoting everywhere: keywords, upper case, spaces, quotes, non-ASCII. */
    static Schema quoting() {
        var order = table("Order")
                .column("select", "integer", false)
                .column(Column.of("user name", "text", true).withComment("It's a \"name\" \\ with everything."))
                .column(Column.of("quote\"d", "\"Mood Type\"", false).withDefault("'très ''gai'''::\"Mood Type\""))
                .column("naïve", "text", true)
                .column("from", "\"Mood Type\"[]", true)
                .primaryKey("Order pkey", "select")
                .unique("unique \"naïve\"", false, "naïve", "user name")
                .check("check", "\"select\" > 0")
                .index("Order_select_idx", Method.BTREE, List.of(Key.desc("select")), List.of("from"),
                        Optional.of("\"user name\" <> ''::text"), true)
                .comment("Table \"Order\"")
                .build();
        var group = table("group")
                .column("Order", "integer", true)
                .foreignKey(fk("group→Order", List.of("Order"), "Order", List.of("select"), Action.NO_ACTION,
                        Action.NO_ACTION))
                .build();
        return new Schema(List.of(), List.of(new EnumType("Mood Type", List.of("très 'gai'", "sad\\", "\"meh\""))),
                List.of(group, order));
    }

    /** PostgreSQL 15 features: UNIQUE NULLS NOT DISTINCT and ON DELETE SET NULL (columns). */
    static Schema pg15() {
        var tenants = table("tenants")
                .column("id", "integer", false)
                .primaryKey("tenants_pkey", "id")
                .build();
        var users = table("users")
                .column("tenant_id", "integer", false)
                .column("id", "integer", false)
                .column("email", "text", true)
                .primaryKey("users_pkey", "tenant_id", "id")
                .unique("users_tenant_email_key", true, "tenant_id", "email")
                .build();
        var documents = table("documents")
                .column("id", "integer", false)
                .column("tenant_id", "integer", false)
                .column("owner_id", "integer", true)
                .primaryKey("documents_pkey", "id")
                .foreignKey(new ForeignKey("documents_owner_fkey", List.of("tenant_id", "owner_id"), "users",
                        List.of("tenant_id", "id"), Action.SET_NULL, Action.NO_ACTION, List.of("owner_id")))
                .foreignKey(fk("documents_tenant_id_fkey", List.of("tenant_id"), "tenants", List.of("id"),
                        Action.CASCADE, Action.NO_ACTION))
                .build();
        return new Schema(List.of(), List.of(), List.of(tenants, users, documents));
    }
}
