CREATE TABLE tenants (
    id integer NOT NULL,
    CONSTRAINT tenants_pkey PRIMARY KEY (id)
);

CREATE TABLE users (
    tenant_id integer NOT NULL,
    id integer NOT NULL,
    email text,
    CONSTRAINT users_pkey PRIMARY KEY (tenant_id, id),
    CONSTRAINT users_tenant_email_key UNIQUE NULLS NOT DISTINCT (tenant_id, email)
);

CREATE TABLE documents (
    id integer NOT NULL,
    tenant_id integer NOT NULL,
    owner_id integer,
    CONSTRAINT documents_pkey PRIMARY KEY (id)
);

ALTER TABLE documents ADD CONSTRAINT documents_owner_fkey FOREIGN KEY (tenant_id, owner_id) REFERENCES users (tenant_id, id) ON DELETE SET NULL (owner_id) ON UPDATE NO ACTION;

ALTER TABLE documents ADD CONSTRAINT documents_tenant_id_fkey FOREIGN KEY (tenant_id) REFERENCES tenants (id) ON DELETE CASCADE ON UPDATE NO ACTION;

