-- saas: schema designed by accesspath from examples/saas.yaml
-- Target: PostgreSQL 14 and later.
-- The rationale of every table, key, constraint and index is in design.md.
-- Generated: change the spec and design again rather than editing this file.
-- About 20k rows (declared), +30 a day; a row is about 138 bytes, so the heap is about 2.8 MB.
CREATE TABLE account (
    id bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
    name varchar(200) NOT NULL,
    slug varchar(64) NOT NULL,
    plan text DEFAULT 'free' NOT NULL,
    created_at timestamptz DEFAULT now() NOT NULL,
    CONSTRAINT account_pkey PRIMARY KEY (id),
    CONSTRAINT account_slug_key UNIQUE (slug),
    CONSTRAINT account_plan_check CHECK (plan IN ('free', 'team', 'business', 'enterprise'))
);

-- About 400k rows (declared); a row is about 134 bytes, so the heap is about 53.9 MB.
CREATE TABLE member (
    id bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
    account_id bigint NOT NULL,
    email text NOT NULL,
    display_name varchar(100) NOT NULL,
    role text DEFAULT 'member' NOT NULL,
    deactivated_at timestamptz,
    CONSTRAINT member_pkey PRIMARY KEY (account_id, id),
    CONSTRAINT member_email_check CHECK (email ~ '^[^@[:space:]]+@[^@[:space:]]+$'),
    CONSTRAINT member_role_check CHECK (role IN ('owner', 'admin', 'member', 'guest'))
) WITH (fillfactor = 90);

-- About 150k rows (declared); a row is about 117 bytes, so the heap is about 17.8 MB.
CREATE TABLE project (
    id bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
    account_id bigint NOT NULL,
    name varchar(200) NOT NULL,
    code varchar(10) NOT NULL,
    archived boolean DEFAULT false NOT NULL,
    CONSTRAINT project_pkey PRIMARY KEY (account_id, id),
    CONSTRAINT project_account_id_code_key UNIQUE (account_id, code)
);

-- About 30M rows (declared), +150k a day; a row is about 179 bytes, so the heap is about 5.32 GB.
CREATE TABLE task (
    id bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
    account_id bigint NOT NULL,
    project_id bigint NOT NULL,
    assignee_id bigint,
    reporter_id bigint NOT NULL,
    number integer NOT NULL,
    title varchar(300) NOT NULL,
    status text DEFAULT 'todo' NOT NULL,
    priority text DEFAULT 'medium' NOT NULL,
    due_date date,
    estimate_points integer,
    created_at timestamptz DEFAULT now() NOT NULL,
    updated_at timestamptz DEFAULT now() NOT NULL,
    deleted_at timestamptz,
    CONSTRAINT task_pkey PRIMARY KEY (account_id, id),
    CONSTRAINT task_account_id_project_id_number_key UNIQUE (account_id, project_id, number),
    CONSTRAINT task_status_check CHECK (status IN ('todo', 'in_progress', 'in_review', 'done')),
    CONSTRAINT task_priority_check CHECK (priority IN ('low', 'medium', 'high', 'urgent')),
    CONSTRAINT task_estimate_points_check CHECK (estimate_points >= 0 AND estimate_points <= 100)
);

-- About 90M rows (declared); a row is about 109 bytes, so the heap is about 9.67 GB.
CREATE TABLE comment (
    id bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
    account_id bigint NOT NULL,
    task_id bigint NOT NULL,
    author_id bigint NOT NULL,
    body text NOT NULL,
    created_at timestamptz DEFAULT now() NOT NULL,
    CONSTRAINT comment_pkey PRIMARY KEY (account_id, id)
);

-- About 200k rows (declared); a row is about 74 bytes, so the heap is about 14.9 MB.
CREATE TABLE label (
    id bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
    account_id bigint NOT NULL,
    name varchar(50) NOT NULL,
    color varchar(7) NOT NULL,
    CONSTRAINT label_pkey PRIMARY KEY (account_id, id),
    CONSTRAINT label_account_id_name_key UNIQUE (account_id, name),
    CONSTRAINT label_color_check CHECK (color ~ '^#[0-9a-f]{6}$')
);

-- 'task_label' is many-to-many: one row per link, keyed by both ends so a link exists once; the key's
-- index answers task -> label. About 45M links (1.5 per task).
CREATE TABLE task_label (
    account_id bigint NOT NULL,
    task_id bigint NOT NULL,
    label_id bigint NOT NULL,
    CONSTRAINT task_label_pkey PRIMARY KEY (account_id, task_id, label_id)
);

-- ON DELETE CASCADE: a member is owned by its account and lives and dies with it: deleting the account
-- deletes its members. ON UPDATE RESTRICT: account's key is a surrogate that never changes, so an
-- update of it is a bug to stop.
ALTER TABLE member ADD CONSTRAINT member_account_id_fkey FOREIGN KEY (account_id) REFERENCES account (id) ON DELETE CASCADE ON UPDATE RESTRICT;

-- ON DELETE CASCADE: a project is owned by its account and lives and dies with it: deleting the
-- account deletes its projects. ON UPDATE RESTRICT: account's key is a surrogate that never changes,
-- so an update of it is a bug to stop.
ALTER TABLE project ADD CONSTRAINT project_account_id_fkey FOREIGN KEY (account_id) REFERENCES account (id) ON DELETE CASCADE ON UPDATE RESTRICT;

-- ON DELETE CASCADE: a task is owned by its account and lives and dies with it: deleting the account
-- deletes its task rows. ON UPDATE RESTRICT: account's key is a surrogate that never changes, so an
-- update of it is a bug to stop.
ALTER TABLE task ADD CONSTRAINT task_account_id_fkey FOREIGN KEY (account_id) REFERENCES account (id) ON DELETE CASCADE ON UPDATE RESTRICT;

-- ON DELETE CASCADE: a task is owned by its project and lives and dies with it: deleting the project
-- deletes its tasks. The key includes account_id, so a row can only reference a project of its own
-- tenant. ON UPDATE RESTRICT: project's key is a surrogate that never changes, so an update of it is a
-- bug to stop.
ALTER TABLE task ADD CONSTRAINT task_project_id_fkey FOREIGN KEY (account_id, project_id) REFERENCES project (account_id, id) ON DELETE CASCADE ON UPDATE RESTRICT;

-- ON DELETE RESTRICT: the reference is optional: deleting a member keeps the task rows that point at
-- it as 'assignee' and sets their assignee_id to NULL. On PostgreSQL 14 a composite key can only null
-- every column, and account_id is NOT NULL, so RESTRICT is used instead. The key includes account_id,
-- so a row can only reference a member of its own tenant. ON UPDATE RESTRICT: member's key is a
-- surrogate that never changes, so an update of it is a bug to stop.
ALTER TABLE task ADD CONSTRAINT task_assignee_id_fkey FOREIGN KEY (account_id, assignee_id) REFERENCES member (account_id, id) ON DELETE RESTRICT ON UPDATE RESTRICT;

-- ON DELETE RESTRICT: the reference is required but not owned: a member that still has task rows
-- cannot be deleted (history is kept; delete or reassign them first). The key includes account_id, so
-- a row can only reference a member of its own tenant. ON UPDATE RESTRICT: member's key is a surrogate
-- that never changes, so an update of it is a bug to stop.
ALTER TABLE task ADD CONSTRAINT task_reporter_id_fkey FOREIGN KEY (account_id, reporter_id) REFERENCES member (account_id, id) ON DELETE RESTRICT ON UPDATE RESTRICT;

-- ON DELETE CASCADE: a comment is owned by its account and lives and dies with it: deleting the
-- account deletes its comment rows. ON UPDATE RESTRICT: account's key is a surrogate that never
-- changes, so an update of it is a bug to stop.
ALTER TABLE comment ADD CONSTRAINT comment_account_id_fkey FOREIGN KEY (account_id) REFERENCES account (id) ON DELETE CASCADE ON UPDATE RESTRICT;

-- ON DELETE CASCADE: a comment is owned by its task and lives and dies with it: deleting the task
-- deletes its comments. The key includes account_id, so a row can only reference a task of its own
-- tenant. ON UPDATE RESTRICT: task's key is a surrogate that never changes, so an update of it is a
-- bug to stop.
ALTER TABLE comment ADD CONSTRAINT comment_task_id_fkey FOREIGN KEY (account_id, task_id) REFERENCES task (account_id, id) ON DELETE CASCADE ON UPDATE RESTRICT;

-- ON DELETE RESTRICT: the reference is required but not owned: a member that still has comment rows
-- cannot be deleted (history is kept; delete or reassign them first). The key includes account_id, so
-- a row can only reference a member of its own tenant. ON UPDATE RESTRICT: member's key is a surrogate
-- that never changes, so an update of it is a bug to stop.
ALTER TABLE comment ADD CONSTRAINT comment_author_id_fkey FOREIGN KEY (account_id, author_id) REFERENCES member (account_id, id) ON DELETE RESTRICT ON UPDATE RESTRICT;

-- ON DELETE CASCADE: a label is owned by its account and lives and dies with it: deleting the account
-- deletes its labels. ON UPDATE RESTRICT: account's key is a surrogate that never changes, so an
-- update of it is a bug to stop.
ALTER TABLE label ADD CONSTRAINT label_account_id_fkey FOREIGN KEY (account_id) REFERENCES account (id) ON DELETE CASCADE ON UPDATE RESTRICT;

-- A link means nothing without both ends: deleting a task removes its links. ON UPDATE RESTRICT: keys
-- are surrogates that never change.
ALTER TABLE task_label ADD CONSTRAINT task_label_task_id_fkey FOREIGN KEY (account_id, task_id) REFERENCES task (account_id, id) ON DELETE CASCADE ON UPDATE RESTRICT;

-- A link means nothing without both ends: deleting a label removes its links. ON UPDATE RESTRICT: keys
-- are surrogates that never change.
ALTER TABLE task_label ADD CONSTRAINT task_label_label_id_fkey FOREIGN KEY (account_id, label_id) REFERENCES label (account_id, id) ON DELETE CASCADE ON UPDATE RESTRICT;

CREATE UNIQUE INDEX member_account_id_lower_email_key ON member USING btree (account_id, (lower(email)));

-- serves: my_open_tasks
-- cost: ~1.55 GB at 30M rows; ~50.1 index entries/s (1.74/s inserts x 95% matching the predicate; 51/s
-- updates of indexed columns (status/updated_at, assignee/updated_at, deleted_at, not HOT)); each row
-- write also writes a ~52-byte entry (+29% of the ~179-byte row)
CREATE INDEX task_account_id_assignee_id_due_date_id_status_live_idx ON task USING btree (account_id, assignee_id, due_date, id, status) WHERE deleted_at IS NULL;

-- serves: project_board
-- cost: ~1.55 GB at 30M rows; ~50.1 index entries/s (1.74/s inserts x 95% matching the predicate; 51/s
-- updates of indexed columns (status/updated_at, assignee/updated_at, deleted_at, not HOT)); each row
-- write also writes a ~52-byte entry (+29% of the ~179-byte row)
CREATE INDEX task_account_id_project_id_status_updated_at_id_live_idx ON task USING btree (account_id, project_id, status, updated_at DESC, id DESC) WHERE deleted_at IS NULL;

-- serves: overdue_tasks
-- cost: ~329 MB at 30M rows; ~15 index entries/s (1.74/s inserts x 29% matching the predicate; 51/s
-- updates of indexed columns (status/updated_at, assignee/updated_at, deleted_at, not HOT)); each row
-- write also writes a ~36-byte entry (+20% of the ~179-byte row)
CREATE INDEX task_account_id_due_date_id_todo_in_progress_live_idx ON task USING btree (account_id, due_date, id) WHERE status IN ('todo', 'in_progress') AND deleted_at IS NULL;

-- serves: task_comments
-- cost: ~4.13 GB at 90M rows; ~30 index entries/s (30/s inserts); each row write also writes a
-- ~44-byte entry (+40% of the ~109-byte row)
CREATE INDEX comment_account_id_task_id_created_at_id_idx ON comment USING btree (account_id, task_id, created_at, id);

-- serves: tasks_with_label
-- cost: ~1.69 GB at 45M rows; ~2.6 index entries/s (2.6/s inserts); each row write also writes a
-- ~36-byte entry (+69% of the ~52-byte row)
CREATE INDEX task_label_account_id_label_id_task_id_idx ON task_label USING btree (account_id, label_id, task_id);

COMMENT ON TABLE account IS 'A customer organisation (the tenant).';

COMMENT ON TABLE member IS 'A person with access to one account.';

COMMENT ON TABLE project IS 'Entity project.';

COMMENT ON TABLE task IS 'A unit of work in a project.';

COMMENT ON TABLE comment IS 'Entity comment.';

COMMENT ON TABLE label IS 'Entity label.';

COMMENT ON TABLE task_label IS 'Links task and label (task_label, many-to-many).';

