-- A few rows for every access pattern of examples/saas.yaml, in two accounts. Some tasks have no
-- due date (NULLs in the keyset sort), one is soft-deleted, member emails differ in case.
INSERT INTO account (id, name, slug, plan) OVERRIDING SYSTEM VALUE VALUES
    (1, 'Acme', 'acme', 'team'),
    (2, 'Globex', 'globex', 'free');
INSERT INTO member (id, account_id, email, display_name, role) OVERRIDING SYSTEM VALUE VALUES
    (1, 1, 'Ann@Acme.test', 'Ann', 'owner'),
    (2, 1, 'bob@acme.test', 'Bob', 'member'),
    (3, 2, 'cy@globex.test', 'Cy', 'owner');
INSERT INTO project (id, account_id, name, code) OVERRIDING SYSTEM VALUE VALUES
    (1, 1, 'Website', 'WEB'),
    (2, 2, 'App', 'APP');
INSERT INTO task (id, account_id, project_id, assignee_id, reporter_id, number, title, status, priority, due_date,
                  created_at, updated_at, deleted_at) OVERRIDING SYSTEM VALUE
SELECT n, 1, 1, CASE WHEN n <= 10 THEN 2 END, 1, n, 'Task ' || n,
       (ARRAY['todo', 'in_progress', 'todo', 'done'])[1 + n % 4], 'medium',
       CASE WHEN n % 3 = 0 THEN NULL ELSE date '2025-03-01' + n / 2 END,
       timestamptz '2025-03-01 09:00:00+00', timestamptz '2025-03-01 09:00:00+00' + (n / 2) * interval '1 hour',
       CASE WHEN n = 7 THEN timestamptz '2025-03-02 09:00:00+00' END
FROM generate_series(1, 14) AS n;
INSERT INTO task (id, account_id, project_id, assignee_id, reporter_id, number, title, status, due_date)
    OVERRIDING SYSTEM VALUE VALUES (15, 2, 2, 3, 3, 1, 'Other tenant', 'todo', date '2025-03-01');
INSERT INTO comment (account_id, task_id, author_id, body, created_at)
SELECT 1, 1, 1 + n % 2, 'Comment ' || n, timestamptz '2025-03-01 10:00:00+00' + (n / 2) * interval '1 minute'
FROM generate_series(1, 6) AS n;
INSERT INTO label (id, account_id, name, color) OVERRIDING SYSTEM VALUE VALUES
    (1, 1, 'bug', '#ff0000'),
    (2, 1, 'ui', '#00ff00'),
    (3, 2, 'bug', '#0000ff');
INSERT INTO task_label (account_id, task_id, label_id) VALUES
    (1, 1, 1), (1, 2, 1), (1, 3, 1), (1, 4, 1), (1, 7, 1), (1, 1, 2), (2, 15, 3);
