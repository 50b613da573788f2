package io.accesspath.core.design;

/**
 * A feature of a newer database version the design left out (or used) because of the target
 * version.
 *
 * @param feature  what it is ("uuidv7()", "NULLS NOT DISTINCT", "ON DELETE SET NULL (col)")
 * @param version  the first major version that has it
 * @param used     true when the target version has it and the design uses it
 * @param effect   what it would change in this design
 */
public record VersionNote(String feature, int version, boolean used, String effect) {}
