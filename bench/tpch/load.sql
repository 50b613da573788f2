-- Deterministic TPC-H-like data for bench/tpch/schema.sql, in plain SQL (psql).
-- Usage: psql URL -v sf=0.167 -f load.sql   (sf defaults to 0.167: ~1M lineitem, 250k orders,
-- 25k customers, 33k parts, 134k partsupp, 1.7k suppliers, the TPC-H row counts times sf).
--
-- Every value is a pure function of the row's key and a per-column salt (hashint8extended), so
-- the same sf always gives the same rows, on any server, whatever the plan of the INSERT.
-- Distributions follow TPC-H where it has one (dates over 1992-01-01..1998-08-02, 25 brands,
-- 150 types, 40 containers, 50 sizes, 1..7 lines an order, ship/commit/receipt dates after the
-- order date, return flag and line status from the receipt and ship dates around 1995-06-17,
-- order status from the line statuses), with the skew a real shop has and TPC-H does not:
-- orders per customer (a few customers order much more), lines per part (popular parts),
-- quantities (small ones are more frequent) and market segments.
\set ON_ERROR_STOP on
\if :{?sf}
\else
\set sf 0.167
\endif

SET synchronous_commit = off;
SET work_mem = '256MB';

-- u(k, salt): a uniform double in [0, 1) from a key and a salt.
CREATE FUNCTION pg_temp.u(k bigint, salt integer) RETURNS double precision
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT (hashint8extended(k, salt) & 9007199254740991)::double precision / 9007199254740992.0 $$;
-- ri(k, salt, lo, hi): a uniform integer in [lo, hi].
CREATE FUNCTION pg_temp.ri(k bigint, salt integer, lo integer, hi integer) RETURNS integer
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT lo + floor(pg_temp.u(k, salt) * (hi - lo + 1))::integer $$;
-- pick(k, salt, values): one of the values, uniformly.
CREATE FUNCTION pg_temp.pick(k bigint, salt integer, vals text[]) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT vals[1 + floor(pg_temp.u(k, salt) * cardinality(vals))::integer] $$;
-- words(k, salt): a short TPC-H-style comment of three to four words.
CREATE FUNCTION pg_temp.words(k bigint, salt integer) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT pg_temp.pick(k, salt, w) || ' ' || pg_temp.pick(k, salt + 1, w) || ' '
                 || pg_temp.pick(k, salt + 2, w)
                 || CASE WHEN pg_temp.u(k, salt + 3) < 0.5 THEN '' ELSE ' ' || pg_temp.pick(k, salt + 4, w) END
          FROM (SELECT ARRAY['furiously','carefully','quickly','slyly','blithely','ironic','final',
                'regular','express','pending','bold','special','even','silent','unusual','deposits',
                'requests','packages','accounts','instructions','theodolites','foxes','pinto beans',
                'dependencies','asymptotes','platelets','ideas','excuses','sleep','wake','haggle',
                'nag','use','boost','affix','detect','integrate','cajole','among','across','above',
                'against','after','along','according to','fluffily','doggedly','daringly']) AS x(w) $$;
-- The retail price of a part, TPC-H's formula (lineitem prices are derived from it).
CREATE FUNCTION pg_temp.retailprice(p bigint) RETURNS numeric
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT ((90000 + ((p / 10) % 20001) + 100 * (p % 1000)) / 100.0)::numeric(15,2) $$;

SELECT greatest(4, round(10000 * :sf))::integer   AS ns,
       greatest(1, round(200000 * :sf))::integer  AS np,
       greatest(1, round(150000 * :sf))::integer  AS nc,
       greatest(1, round(1500000 * :sf))::integer AS no,
       greatest(1, round(1000 * :sf))::integer    AS nclerk
\gset
\echo tpch load: sf=:sf suppliers=:ns parts=:np customers=:nc orders=:no clerks=:nclerk

INSERT INTO region VALUES
    (0, 'AFRICA', 'lar deposits'), (1, 'AMERICA', 'hs use ironic requests'),
    (2, 'ASIA', 'ges thinly even pinto beans'), (3, 'EUROPE', 'ly final courts cajole'),
    (4, 'MIDDLE EAST', 'uickly special accounts');

INSERT INTO nation VALUES
    (0, 'ALGERIA', 0, 'haggle'), (1, 'ARGENTINA', 1, 'al foxes'), (2, 'BRAZIL', 1, 'y alongside'),
    (3, 'CANADA', 1, 'eas hang ironic'), (4, 'EGYPT', 4, 'y above the carefully'),
    (5, 'ETHIOPIA', 0, 'ven packages'), (6, 'FRANCE', 3, 'refully final requests'),
    (7, 'GERMANY', 3, 'l platelets'), (8, 'INDIA', 2, 'ss excuses cajole'),
    (9, 'INDONESIA', 2, 'slyly express asymptotes'), (10, 'IRAN', 4, 'efully alongside'),
    (11, 'IRAQ', 4, 'nic deposits boost'), (12, 'JAPAN', 2, 'ously'), (13, 'JORDAN', 4, 'ic deposits'),
    (14, 'KENYA', 0, 'pending excuses'), (15, 'MOROCCO', 0, 'rns blithely'),
    (16, 'MOZAMBIQUE', 0, 's. ironic'), (17, 'PERU', 1, 'platelets'), (18, 'CHINA', 2, 'c dependencies'),
    (19, 'ROMANIA', 3, 'ular asymptotes'), (20, 'SAUDI ARABIA', 4, 'ts. silent requests'),
    (21, 'VIETNAM', 2, 'hely enticingly'), (22, 'RUSSIA', 3, 'requests against'),
    (23, 'UNITED KINGDOM', 3, 'eans boost carefully'), (24, 'UNITED STATES', 1, 'y final packages');

INSERT INTO supplier
SELECT s,
       'Supplier#' || lpad(s::text, 9, '0'),
       md5(s::text || 'sa'),
       pg_temp.ri(s, 101, 0, 24) AS nationkey,
       (pg_temp.ri(s, 101, 0, 24) + 10) || '-' || pg_temp.ri(s, 102, 100, 999) || '-'
           || pg_temp.ri(s, 103, 100, 999) || '-' || pg_temp.ri(s, 104, 1000, 9999),
       (pg_temp.ri(s, 105, -99999, 999999) / 100.0)::numeric(15,2),
       CASE WHEN pg_temp.u(s, 106) < 0.005 THEN 'Customer ' || pg_temp.words(s, 110) || ' Complaints'
            ELSE pg_temp.words(s, 110) END
FROM generate_series(1, :ns) AS s;

INSERT INTO part
SELECT p,
       pg_temp.pick(p, 201, c) || ' ' || pg_temp.pick(p, 202, c) || ' ' || pg_temp.pick(p, 203, c)
           || ' ' || pg_temp.pick(p, 204, c) || ' ' || pg_temp.pick(p, 205, c),
       'Manufacturer#' || m,
       'Brand#' || m || pg_temp.ri(p, 207, 1, 5),
       pg_temp.pick(p, 208, ARRAY['STANDARD','SMALL','MEDIUM','LARGE','ECONOMY','PROMO']) || ' '
           || pg_temp.pick(p, 209, ARRAY['ANODIZED','BURNISHED','PLATED','POLISHED','BRUSHED']) || ' '
           || pg_temp.pick(p, 210, ARRAY['TIN','NICKEL','BRASS','STEEL','COPPER']),
       pg_temp.ri(p, 211, 1, 50),
       pg_temp.pick(p, 212, ARRAY['SM','LG','MED','JUMBO','WRAP']) || ' '
           || pg_temp.pick(p, 213, ARRAY['CASE','BOX','BAG','JAR','PKG','PACK','CAN','DRUM']),
       pg_temp.retailprice(p),
       pg_temp.words(p, 220)
FROM generate_series(1, :np) AS p,
     LATERAL (SELECT pg_temp.ri(p, 206, 1, 5) AS m) AS mfgr,
     LATERAL (SELECT ARRAY['almond','antique','aquamarine','azure','beige','bisque','black',
         'blanched','blue','blush','brown','burlywood','burnished','chartreuse','chiffon',
         'chocolate','coral','cornflower','cornsilk','cream','cyan','dark','deep','dim','dodger',
         'drab','firebrick','floral','forest','frosted','gainsboro','ghost','goldenrod','green',
         'grey','honeydew','hot','indian','ivory','khaki','lace','lavender','lawn','lemon','light',
         'lime','linen','magenta','maroon','medium','metallic','midnight','mint','misty',
         'moccasin','navajo','navy','olive','orange','orchid','pale','papaya','peach','peru',
         'pink','plum','powder','puff','purple','red','rose','rosy','royal','saddle','salmon',
         'sandy','seashell','sienna','sky','slate','smoke','snow','spring','steel','tan',
         'thistle','tomato','turquoise','violet','wheat','white','yellow'] AS c) AS colors;

-- Four suppliers a part, spread over all suppliers (TPC-H's formula).
INSERT INTO partsupp
SELECT p,
       ((p + i * (:ns / 4 + (p - 1) / :ns)) % :ns) + 1,
       pg_temp.ri(p * 4 + i, 301, 1, 9999),
       (pg_temp.ri(p * 4 + i, 302, 100, 100000) / 100.0)::numeric(15,2),
       pg_temp.words(p * 4 + i, 310)
FROM generate_series(1, :np) AS p, generate_series(0, 3) AS i;

INSERT INTO customer
SELECT c,
       'Customer#' || lpad(c::text, 9, '0'),
       md5(c::text || 'ca'),
       pg_temp.ri(c, 401, 0, 24),
       (pg_temp.ri(c, 401, 0, 24) + 10) || '-' || pg_temp.ri(c, 402, 100, 999) || '-'
           || pg_temp.ri(c, 403, 100, 999) || '-' || pg_temp.ri(c, 404, 1000, 9999),
       (pg_temp.ri(c, 405, -99999, 999999) / 100.0)::numeric(15,2),
       CASE WHEN x < 0.30 THEN 'BUILDING' WHEN x < 0.55 THEN 'AUTOMOBILE'
            WHEN x < 0.75 THEN 'MACHINERY' WHEN x < 0.90 THEN 'HOUSEHOLD' ELSE 'FURNITURE' END,
       pg_temp.words(c, 410)
FROM generate_series(1, :nc) AS c, LATERAL (SELECT pg_temp.u(c, 406) AS x) AS seg;

-- Orders and their lines are drawn together: an order's total price and status come from its lines.
CREATE TEMP TABLE ord AS
SELECT o AS orderkey,
       -- skewed: u^1.7 puts ~7% of the orders on the top 1% of customers; the multiplication
       -- by a prime spreads the heavy customers over the key range
       ((floor(:nc * power(pg_temp.u(o, 501), 1.7))::bigint * 1000003) % :nc + 1)::integer AS custkey,
       (date '1992-01-01' + pg_temp.ri(o, 502, 0, 2405)) AS orderdate,
       pg_temp.ri(o, 503, 1, 7) AS nlines
FROM generate_series(1, :no) AS o;

CREATE TEMP TABLE li AS
SELECT orderkey, ln, partkey,
       ((partkey + pg_temp.ri(k, 602, 0, 3) * (:ns / 4 + (partkey - 1) / :ns)) % :ns + 1)::integer AS suppkey,
       quantity,
       quantity * pg_temp.retailprice(partkey) AS extendedprice,
       (pg_temp.ri(k, 604, 0, 10) / 100.0)::numeric(15,2) AS discount,
       (pg_temp.ri(k, 605, 0, 8) / 100.0)::numeric(15,2) AS tax,
       CASE WHEN shipdate + pg_temp.ri(k, 608, 1, 30) <= date '1995-06-17'
            THEN CASE WHEN pg_temp.u(k, 609) < 0.5 THEN 'R' ELSE 'A' END ELSE 'N' END AS returnflag,
       CASE WHEN shipdate > date '1995-06-17' THEN 'O' ELSE 'F' END AS linestatus,
       shipdate,
       orderdate + pg_temp.ri(k, 607, 30, 90) AS commitdate,
       shipdate + pg_temp.ri(k, 608, 1, 30) AS receiptdate,
       pg_temp.pick(k, 610, ARRAY['DELIVER IN PERSON','COLLECT COD','NONE','TAKE BACK RETURN']) AS shipinstruct,
       pg_temp.pick(k, 611, ARRAY['REG AIR','AIR','RAIL','SHIP','TRUCK','MAIL','FOB']) AS shipmode,
       pg_temp.words(k, 620) AS comment
FROM (SELECT orderkey, ln, orderkey * 8 + ln AS k, orderdate,
             -- popular parts: u^1.3, spread over the key range like the customers
             ((floor(:np * power(pg_temp.u(orderkey * 8 + ln, 601), 1.3))::bigint * 1000003) % :np + 1)::integer AS partkey,
             -- small quantities are more frequent: 1 + 50 u^1.5 (median 18, mean 21)
             (1 + floor(50 * power(pg_temp.u(orderkey * 8 + ln, 603), 1.5)))::numeric(15,2) AS quantity,
             orderdate + pg_temp.ri(orderkey * 8 + ln, 606, 1, 121) AS shipdate
      FROM ord, generate_series(1, nlines) AS ln) AS l;

INSERT INTO orders
SELECT o.orderkey, o.custkey,
       CASE WHEN t.all_f THEN 'F' WHEN t.all_o THEN 'O' ELSE 'P' END,
       t.total, o.orderdate,
       pg_temp.pick(o.orderkey, 504, ARRAY['1-URGENT','2-HIGH','3-MEDIUM','4-NOT SPECIFIED','5-LOW']),
       'Clerk#' || lpad(pg_temp.ri(o.orderkey, 505, 1, :nclerk)::text, 9, '0'),
       0,
       pg_temp.words(o.orderkey, 510)
FROM ord AS o
JOIN (SELECT orderkey,
             sum(extendedprice * (1 + tax) * (1 - discount))::numeric(15,2) AS total,
             bool_and(linestatus = 'F') AS all_f, bool_and(linestatus = 'O') AS all_o
      FROM li GROUP BY orderkey) AS t USING (orderkey)
ORDER BY o.orderkey;

INSERT INTO lineitem
SELECT orderkey, ln, partkey, suppkey, quantity, extendedprice, discount, tax, returnflag,
       linestatus, shipdate, commitdate, receiptdate, shipinstruct, shipmode, comment
FROM li ORDER BY orderkey, ln;

DROP TABLE li;
DROP TABLE ord;

-- Visibility map set (index-only scans are costed as they would be on a settled table) and
-- fresh statistics.
VACUUM ANALYZE region, nation, supplier, part, partsupp, customer, orders, lineitem;
SELECT relname, n_live_tup AS rows, pg_size_pretty(pg_total_relation_size(relid)) AS size
FROM pg_stat_user_tables
WHERE relname IN ('region','nation','supplier','part','partsupp','customer','orders','lineitem')
ORDER BY n_live_tup DESC;
