CREATE TABLE departments (
    id integer NOT NULL,
    manager_id integer,
    CONSTRAINT departments_pkey PRIMARY KEY (id)
);

CREATE TABLE employees (
    id integer NOT NULL,
    department_id integer DEFAULT 0 NOT NULL,
    CONSTRAINT employees_pkey PRIMARY KEY (id)
);

ALTER TABLE departments ADD CONSTRAINT departments_manager_id_fkey FOREIGN KEY (manager_id) REFERENCES employees (id) ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE employees ADD CONSTRAINT employees_department_id_fkey FOREIGN KEY (department_id) REFERENCES departments (id) ON DELETE SET DEFAULT ON UPDATE RESTRICT;

CREATE INDEX employees_department_id_idx ON employees USING btree (department_id);

