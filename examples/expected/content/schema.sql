-- content: schema designed by accesspath from examples/content.yaml
-- Target: PostgreSQL 14 and later.
-- The rationale of every table, key, constraint and index is in design.md.
-- Generated: change the spec and design again rather than editing this file.
-- About 5000 rows (declared); a row is about 163 bytes, so the heap is about 856 kB.
CREATE TABLE author (
    id bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
    name varchar(120) NOT NULL,
    email text NOT NULL,
    bio text,
    CONSTRAINT author_pkey PRIMARY KEY (id),
    CONSTRAINT author_email_check CHECK (email ~ '^[^@[:space:]]+@[^@[:space:]]+$')
);

-- About 500k rows (declared), +300 a day; a row is about 697 bytes, so the heap is about 355 MB.
CREATE TABLE article (
    id bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
    author_id bigint NOT NULL,
    slug varchar(120) NOT NULL,
    title varchar(300) NOT NULL,
    body text NOT NULL,
    status text DEFAULT 'draft' NOT NULL,
    published_at timestamptz,
    updated_at timestamptz DEFAULT now() NOT NULL,
    metadata jsonb,
    word_count integer,
    search_vector tsvector GENERATED ALWAYS AS (setweight(to_tsvector('english'::regconfig, coalesce(title, '')), 'A') || setweight(to_tsvector('english'::regconfig, coalesce(body, '')), 'B')) STORED,
    CONSTRAINT article_pkey PRIMARY KEY (id),
    CONSTRAINT article_slug_key UNIQUE (slug),
    CONSTRAINT article_status_check CHECK (status IN ('draft', 'published', 'archived')),
    CONSTRAINT article_word_count_check CHECK (word_count >= 0)
);

-- About 2000 rows (declared); a row is about 61 bytes, so the heap is about 128 kB.
CREATE TABLE tag (
    id bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
    name varchar(50) NOT NULL,
    CONSTRAINT tag_pkey PRIMARY KEY (id),
    CONSTRAINT tag_name_key UNIQUE (name)
);

-- About 10M rows (declared), +20k a day; a row is about 170 bytes, so the heap is about 1.7 GB.
CREATE TABLE comment (
    id bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
    article_id bigint NOT NULL,
    reply_to_id bigint,
    author_name varchar(80) NOT NULL,
    body varchar(5000) NOT NULL,
    created_at timestamptz DEFAULT now() NOT NULL,
    deleted_at timestamptz,
    CONSTRAINT comment_pkey PRIMARY KEY (id)
);

-- 'article_tag' is many-to-many: one row per link, keyed by both ends so a link exists once; the key's
-- index answers article -> tag. About 1.5M links (3 per article).
CREATE TABLE article_tag (
    article_id bigint NOT NULL,
    tag_id bigint NOT NULL,
    CONSTRAINT article_tag_pkey PRIMARY KEY (article_id, tag_id)
);

-- ON DELETE RESTRICT: the reference is required but not owned: an author that still has article rows
-- cannot be deleted (history is kept; delete or reassign them first). ON UPDATE RESTRICT: author's key
-- is a surrogate that never changes, so an update of it is a bug to stop.
ALTER TABLE article ADD CONSTRAINT article_author_id_fkey FOREIGN KEY (author_id) REFERENCES author (id) ON DELETE RESTRICT ON UPDATE RESTRICT;

-- ON DELETE CASCADE: a comment is owned by its article and lives and dies with it: deleting the
-- article deletes its comments. ON UPDATE RESTRICT: article's key is a surrogate that never changes,
-- so an update of it is a bug to stop.
ALTER TABLE comment ADD CONSTRAINT comment_article_id_fkey FOREIGN KEY (article_id) REFERENCES article (id) ON DELETE CASCADE ON UPDATE RESTRICT;

-- ON DELETE SET NULL: the reference is optional: deleting a comment keeps the comment rows that point
-- at it as 'reply_to' and sets their reply_to_id to NULL. ON UPDATE RESTRICT: comment's key is a
-- surrogate that never changes, so an update of it is a bug to stop.
ALTER TABLE comment ADD CONSTRAINT comment_reply_to_id_fkey FOREIGN KEY (reply_to_id) REFERENCES comment (id) ON DELETE SET NULL ON UPDATE RESTRICT;

-- A link means nothing without both ends: deleting a article removes its links. ON UPDATE RESTRICT:
-- keys are surrogates that never change.
ALTER TABLE article_tag ADD CONSTRAINT article_tag_article_id_fkey FOREIGN KEY (article_id) REFERENCES article (id) ON DELETE CASCADE ON UPDATE RESTRICT;

-- A link means nothing without both ends: deleting a tag removes its links. ON UPDATE RESTRICT: keys
-- are surrogates that never change.
ALTER TABLE article_tag ADD CONSTRAINT article_tag_tag_id_fkey FOREIGN KEY (tag_id) REFERENCES tag (id) ON DELETE CASCADE ON UPDATE RESTRICT;

CREATE UNIQUE INDEX author_lower_email_key ON author USING btree ((lower(email)));

-- serves: home_feed
-- cost: ~13.4 MB at 500k rows; ~0.76 index entries/s (13/h inserts x 90% matching the predicate;
-- 50/min updates of indexed columns (title/body/updated_at, status/published_at, not HOT)); each row
-- write also writes a ~28-byte entry (+4% of the ~697-byte row)
CREATE INDEX article_published_at_id_published_idx ON article USING btree (published_at DESC, id DESC) WHERE status = 'published';

-- serves: author_feed
-- cost: ~17.3 MB at 500k rows; ~0.76 index entries/s (13/h inserts x 90% matching the predicate;
-- 50/min updates of indexed columns (title/body/updated_at, status/published_at, not HOT)); each row
-- write also writes a ~36-byte entry (+5% of the ~697-byte row)
CREATE INDEX article_author_id_published_at_id_published_idx ON article USING btree (author_id, published_at DESC, id DESC) WHERE status = 'published';

-- serves: search_articles
-- cost: ~51.5 MB at 500k rows; ~15.1 index entries/s (13/h inserts x 90% matching the predicate;
-- 50/min updates of indexed columns (title/body/updated_at, status/published_at, not HOT)); GIN adds
-- ~20 keys per row, batched through its pending list (fastupdate)
CREATE INDEX article_search_vector_published_idx ON article USING gin (search_vector) WHERE status = 'published';

-- serves: articles_in_series
-- cost: ~14.3 MB at 500k rows; ~4.2 index entries/s (13/h inserts; 50/min updates of indexed columns
-- (title/body/updated_at, status/published_at, not HOT)); GIN adds ~5 keys per row, batched through
-- its pending list (fastupdate)
CREATE INDEX article_metadata_idx ON article USING gin (metadata jsonb_path_ops);

-- serves: article_comments, comment_count
-- cost: ~447 MB at 10M rows; ~0.31 index entries/s (14/min inserts x 95% matching the predicate; 6/min
-- updates of indexed columns (deleted_at, not HOT)); each row write also writes a ~44-byte entry (+26%
-- of the ~170-byte row)
CREATE INDEX comment_article_id_created_at_id_live_idx ON comment USING btree (article_id, created_at, id) INCLUDE (deleted_at) WHERE deleted_at IS NULL;

-- serves: tag_feed
-- cost: ~44.8 MB at 1.5M rows; ~0.01 index entries/s (38/h inserts); each row write also writes a
-- ~28-byte entry (+64% of the ~44-byte row)
CREATE INDEX article_tag_tag_id_article_id_idx ON article_tag USING btree (tag_id, article_id);

COMMENT ON TABLE author IS 'Entity author.';

COMMENT ON TABLE article IS 'Entity article.';

COMMENT ON TABLE tag IS 'Entity tag.';

COMMENT ON TABLE comment IS 'Entity comment.';

COMMENT ON TABLE article_tag IS 'Links article and tag (article_tag, many-to-many).';

