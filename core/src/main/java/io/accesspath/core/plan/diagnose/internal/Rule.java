package io.accesspath.core.plan.diagnose.internal;

import io.accesspath.core.plan.diagnose.Diagnosis;
import io.accesspath.core.plan.diagnose.Kind;

import java.util.List;

/** One diagnosis rule: looks at a plan and reports what it finds, all of one kind. */
interface Rule {

    Kind kind();

    /** The diagnoses this rule finds, in plan order; empty when it finds none. */
    List<Diagnosis> check(Context ctx);
}
