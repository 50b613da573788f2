-- A few rows for every access pattern of examples/iot.yaml: device 1 reports often, alerts are
-- raised in pairs at the same instant, a few are acknowledged.
INSERT INTO site (id, name, timezone) OVERRIDING SYSTEM VALUE VALUES
    (1, 'Berlin', 'Europe/Berlin'),
    (2, 'Lyon', 'Europe/Paris');
INSERT INTO device (id, site_id, serial, model, location, firmware) OVERRIDING SYSTEM VALUE VALUES
    (1, 1, 'SN-0001', 't100', point(13.40, 52.52), '1.0.0'),
    (2, 1, 'SN-0002', 't200', point(13.38, 52.51), '1.0.0'),
    (3, 2, 'SN-0003', 'x900', point(4.83, 45.76), '2.1.0');
INSERT INTO reading (device_id, recorded_at, temperature, humidity, battery)
SELECT d, timestamptz '2025-06-01 00:00:00+00' + n * interval '1 minute', 20 + n % 5, 40 + n % 10, 90
FROM generate_series(1, 3) AS d, generate_series(1, 8) AS n;
INSERT INTO alert (device_id, raised_at, severity, message, acknowledged_at)
SELECT 1 + n % 2, timestamptz '2025-06-01 00:00:00+00' + (n / 2) * interval '1 hour',
       (ARRAY['info', 'warning', 'critical'])[1 + n % 3], 'Alert ' || n,
       CASE WHEN n % 4 = 0 THEN timestamptz '2025-06-02 00:00:00+00' END
FROM generate_series(1, 10) AS n;
