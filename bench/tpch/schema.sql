-- A TPC-H-like schema for the index advisor benchmark (bench/tpch/README.md).
-- Primary keys and foreign keys only: no secondary index, so the advisor has to find them.
-- Types follow the TPC-H specification (fixed-point money, dates); names keep TPC-H's
-- prefixes so the adapted queries read like the originals.

CREATE TABLE region (
    r_regionkey integer     PRIMARY KEY,
    r_name      text        NOT NULL,
    r_comment   text        NOT NULL
);

CREATE TABLE nation (
    n_nationkey integer     PRIMARY KEY,
    n_name      text        NOT NULL,
    n_regionkey integer     NOT NULL REFERENCES region (r_regionkey),
    n_comment   text        NOT NULL
);

CREATE TABLE supplier (
    s_suppkey   integer       PRIMARY KEY,
    s_name      text          NOT NULL,
    s_address   text          NOT NULL,
    s_nationkey integer       NOT NULL REFERENCES nation (n_nationkey),
    s_phone     text          NOT NULL,
    s_acctbal   numeric(15,2) NOT NULL,
    s_comment   text          NOT NULL
);

CREATE TABLE part (
    p_partkey     integer       PRIMARY KEY,
    p_name        text          NOT NULL,
    p_mfgr        text          NOT NULL,
    p_brand       text          NOT NULL,
    p_type        text          NOT NULL,
    p_size        integer       NOT NULL,
    p_container   text          NOT NULL,
    p_retailprice numeric(15,2) NOT NULL,
    p_comment     text          NOT NULL
);

CREATE TABLE partsupp (
    ps_partkey    integer       NOT NULL REFERENCES part (p_partkey),
    ps_suppkey    integer       NOT NULL REFERENCES supplier (s_suppkey),
    ps_availqty   integer       NOT NULL,
    ps_supplycost numeric(15,2) NOT NULL,
    ps_comment    text          NOT NULL,
    PRIMARY KEY (ps_partkey, ps_suppkey)
);

CREATE TABLE customer (
    c_custkey    integer       PRIMARY KEY,
    c_name       text          NOT NULL,
    c_address    text          NOT NULL,
    c_nationkey  integer       NOT NULL REFERENCES nation (n_nationkey),
    c_phone      text          NOT NULL,
    c_acctbal    numeric(15,2) NOT NULL,
    c_mktsegment text          NOT NULL,
    c_comment    text          NOT NULL
);

CREATE TABLE orders (
    o_orderkey      bigint        PRIMARY KEY,
    o_custkey       integer       NOT NULL REFERENCES customer (c_custkey),
    o_orderstatus   char(1)       NOT NULL,
    o_totalprice    numeric(15,2) NOT NULL,
    o_orderdate     date          NOT NULL,
    o_orderpriority text          NOT NULL,
    o_clerk         text          NOT NULL,
    o_shippriority  integer       NOT NULL,
    o_comment       text          NOT NULL
);

CREATE TABLE lineitem (
    l_orderkey      bigint        NOT NULL REFERENCES orders (o_orderkey),
    l_linenumber    integer       NOT NULL,
    l_partkey       integer       NOT NULL,
    l_suppkey       integer       NOT NULL,
    l_quantity      numeric(15,2) NOT NULL,
    l_extendedprice numeric(15,2) NOT NULL,
    l_discount      numeric(15,2) NOT NULL,
    l_tax           numeric(15,2) NOT NULL,
    l_returnflag    char(1)       NOT NULL,
    l_linestatus    char(1)       NOT NULL,
    l_shipdate      date          NOT NULL,
    l_commitdate    date          NOT NULL,
    l_receiptdate   date          NOT NULL,
    l_shipinstruct  text          NOT NULL,
    l_shipmode      text          NOT NULL,
    l_comment       text          NOT NULL,
    PRIMARY KEY (l_orderkey, l_linenumber),
    FOREIGN KEY (l_partkey, l_suppkey) REFERENCES partsupp (ps_partkey, ps_suppkey)
);
