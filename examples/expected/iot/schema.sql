-- iot: schema designed by accesspath from examples/iot.yaml
-- Target: PostgreSQL 14 and later.
-- The rationale of every table, key, constraint and index is in design.md.
-- Generated: change the spec and design again rather than editing this file.
-- About 5000 rows (declared); a row is about 118 bytes, so the heap is about 616 kB.
CREATE TABLE site (
    id bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
    name varchar(120) NOT NULL,
    timezone varchar(40) NOT NULL,
    CONSTRAINT site_pkey PRIMARY KEY (id)
);

-- About 200k rows (declared), +100 a day; a row is about 109 bytes, so the heap is about 22 MB.
CREATE TABLE device (
    id bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
    site_id bigint NOT NULL,
    serial varchar(24) NOT NULL,
    model text NOT NULL,
    location point NOT NULL,
    firmware varchar(20) NOT NULL,
    installed_at timestamptz DEFAULT now() NOT NULL,
    CONSTRAINT device_pkey PRIMARY KEY (id),
    CONSTRAINT device_serial_key UNIQUE (serial),
    CONSTRAINT device_model_check CHECK (model IN ('t100', 't200', 'h300', 'x900'))
) WITH (fillfactor = 90);

-- About 1.2B rows (growth x retention), +40M a day, kept 30 days; a row is about 66 bytes, so the heap
-- is about 78.3 GB. Append-only: rows are never updated.
CREATE TABLE reading (
    device_id bigint NOT NULL,
    recorded_at timestamptz DEFAULT now() NOT NULL,
    temperature numeric(5,2) NOT NULL,
    humidity numeric(5,2),
    battery integer NOT NULL,
    CONSTRAINT reading_pkey PRIMARY KEY (device_id, recorded_at),
    CONSTRAINT reading_humidity_check CHECK (humidity >= 0 AND humidity <= 100),
    CONSTRAINT reading_battery_check CHECK (battery >= 0 AND battery <= 100)
);

-- About 2M rows (declared), +5000 a day; a row is about 128 bytes, so the heap is about 260 MB.
CREATE TABLE alert (
    id bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
    device_id bigint NOT NULL,
    raised_at timestamptz DEFAULT now() NOT NULL,
    severity text NOT NULL,
    message varchar(500) NOT NULL,
    acknowledged_at timestamptz,
    CONSTRAINT alert_pkey PRIMARY KEY (id),
    CONSTRAINT alert_severity_check CHECK (severity IN ('info', 'warning', 'critical'))
);

-- ON DELETE RESTRICT: the reference is required but not owned: a site that still has device rows
-- cannot be deleted (history is kept; delete or reassign them first). ON UPDATE RESTRICT: site's key
-- is a surrogate that never changes, so an update of it is a bug to stop.
ALTER TABLE device ADD CONSTRAINT device_site_id_fkey FOREIGN KEY (site_id) REFERENCES site (id) ON DELETE RESTRICT ON UPDATE RESTRICT;

-- ON DELETE CASCADE: a reading is owned by its device and lives and dies with it: deleting the device
-- deletes its readings. ON UPDATE RESTRICT: device's key is a surrogate that never changes, so an
-- update of it is a bug to stop.
ALTER TABLE reading ADD CONSTRAINT reading_device_id_fkey FOREIGN KEY (device_id) REFERENCES device (id) ON DELETE CASCADE ON UPDATE RESTRICT;

-- ON DELETE CASCADE: an alert is owned by its device and lives and dies with it: deleting the device
-- deletes its alerts. ON UPDATE RESTRICT: device's key is a surrogate that never changes, so an update
-- of it is a bug to stop.
ALTER TABLE alert ADD CONSTRAINT alert_device_id_fkey FOREIGN KEY (device_id) REFERENCES device (id) ON DELETE CASCADE ON UPDATE RESTRICT;

-- serves: devices_near
-- cost: ~7.13 MB at 200k rows; ~0 index entries/s (4.17/h inserts; 8.33/h other updates stay HOT and
-- add nothing); each row write also writes a ~28-byte entry (+26% of the ~109-byte row)
CREATE INDEX device_location_idx ON device USING gist (location);

-- serves: fleet_hourly_temperature
-- cost: ~3.08 MB at 1.2B rows; ~0 index entries/s (463/s inserts); BRIN only summarizes block ranges,
-- so inserts cost almost nothing
CREATE INDEX reading_recorded_at_idx ON reading USING brin (recorded_at);

-- serves: open_alerts
-- cost: ~1.21 MB at 2M rows; ~0 index entries/s (3.47/min inserts x 2% matching the predicate;
-- 3.47/min updates of indexed columns (acknowledged_at, not HOT)); each row write also writes a
-- ~28-byte entry (+22% of the ~128-byte row)
CREATE INDEX alert_raised_at_id_acknowledged_at_is_null_idx ON alert USING btree (raised_at DESC, id DESC) WHERE acknowledged_at IS NULL;

-- serves: device_alerts
-- cost: ~77 MB at 2M rows; ~0.12 index entries/s (3.47/min inserts; 3.47/min updates of indexed
-- columns (acknowledged_at, not HOT)); each row write also writes a ~36-byte entry (+28% of the
-- ~128-byte row)
CREATE INDEX alert_device_id_raised_at_id_idx ON alert USING btree (device_id, raised_at DESC, id DESC);

COMMENT ON TABLE site IS 'Entity site.';

COMMENT ON TABLE device IS 'Entity device.';

COMMENT ON TABLE reading IS 'One measurement; never updated.';

COMMENT ON TABLE alert IS 'Entity alert.';

