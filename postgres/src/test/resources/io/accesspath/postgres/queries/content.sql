-- A few rows for every access pattern of examples/content.yaml. Some published articles have no
-- published_at (NULLs first in the descending keyset sort), one comment is soft-deleted.
INSERT INTO author (id, name, email, bio) OVERRIDING SYSTEM VALUE VALUES
    (1, 'Ada', 'ada@example.com', 'Writes about databases.'),
    (2, 'Grace', 'grace@example.com', NULL);
INSERT INTO tag (id, name) OVERRIDING SYSTEM VALUE VALUES
    (1, 'postgres'),
    (2, 'indexing');
INSERT INTO article (id, author_id, slug, title, body, status, published_at, metadata, word_count)
    OVERRIDING SYSTEM VALUE
SELECT n, 1 + n / 8, 'article-' || n, 'Postgres indexing part ' || n, 'How an index answers a query, part ' || n,
       CASE WHEN n = 9 THEN 'draft' ELSE 'published' END,
       CASE WHEN n % 4 = 0 THEN NULL ELSE timestamptz '2025-02-01 08:00:00+00' + (n / 2) * interval '1 day' END,
       jsonb_build_object('series', 'indexing', 'part', n), 500 + n
FROM generate_series(1, 10) AS n;
INSERT INTO article_tag (article_id, tag_id)
SELECT n, 1 FROM generate_series(1, 10) AS n
UNION ALL SELECT n, 2 FROM generate_series(1, 3) AS n;
INSERT INTO comment (id, article_id, reply_to_id, author_name, body, created_at, deleted_at) OVERRIDING SYSTEM VALUE
SELECT n, 1, CASE WHEN n > 1 THEN 1 END, 'Reader ' || n, 'Comment ' || n,
       timestamptz '2025-02-02 08:00:00+00' + (n / 2) * interval '1 minute',
       CASE WHEN n = 3 THEN timestamptz '2025-02-03 08:00:00+00' END
FROM generate_series(1, 7) AS n;
