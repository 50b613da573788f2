package com.example.iot;

import java.io.Serializable;
import java.time.OffsetDateTime;

/**
 * The primary key of {@link Reading}: (device_id, recorded_at).
 */
public record ReadingId(Long deviceId, OffsetDateTime recordedAt) implements Serializable {
}
