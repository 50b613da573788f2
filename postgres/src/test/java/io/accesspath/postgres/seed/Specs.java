package io.accesspath.postgres.seed;

import io.accesspath.core.design.Design;
import io.accesspath.core.design.Designer;
import io.accesspath.core.spec.Spec;
import io.accesspath.core.spec.SpecReader;
import io.accesspath.postgres.PgDialect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;

/** Designs for seed tests: the repository's examples, or a spec written inline. */
public final class Specs {
    private Specs() {
    }

    /** The design of {@code examples/<name>.yaml}. */
    public static Design example(String name) {
        return design(SpecReader.read(examples().resolve(name + ".yaml")));
    }

    /** The design of a spec given as YAML text. */
    public static Design inline(String yaml) {
        return design(SpecReader.parse(yaml, "test.yaml"));
    }

    public static Path examples() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.isDirectory(p.resolve("examples"))) {
            p = p.getParent();
        }
        if (p == null) {
            throw new IllegalStateException("cannot find the examples directory above " + Path.of("").toAbsolutePath());
        }
        return p.resolve("examples");
    }

    private static Design design(Spec spec) {
        return new Designer(PgDialect.INSTANCE.designDialect()).design(spec, OptionalInt.empty());
    }
}
