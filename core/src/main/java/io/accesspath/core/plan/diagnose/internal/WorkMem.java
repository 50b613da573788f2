package io.accesspath.core.plan.diagnose.internal;

/** A work_mem setting large enough for a given need. */
public final class WorkMem {
    /** PostgreSQL's smallest work_mem. */
    private static final long MIN_KB = 64;

    private WorkMem() {
    }

    /** The smallest power of two kB, at least 64kB, that holds {@code neededKb}. */
    public static long suggestKb(double neededKb) {
        long kb = MIN_KB;
        while (kb < neededKb) {
            kb *= 2;
        }
        return kb;
    }

    /** {@code SET work_mem = '64MB';} */
    public static String setSql(long kb) {
        return "SET work_mem = '" + Fmt.size(kb) + "';";
    }
}
