package io.accesspath.core.spec.internal;

import io.accesspath.core.error.Loc;

/** A name as written in the spec, with where it is written: checked once the whole model is known. */
record Ref(String name, Loc loc) {}
