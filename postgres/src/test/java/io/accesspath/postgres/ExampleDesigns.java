package io.accesspath.postgres;

import io.accesspath.core.design.Design;
import io.accesspath.core.design.Designer;
import io.accesspath.core.spec.SpecReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;

/** The example specs in examples/, designed as the CLI designs them. */
public final class ExampleDesigns {
    public static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    public static final List<String> NAMES = List.of("shop", "saas", "iot", "content");

    private ExampleDesigns() {
    }

    /** The example designed for PostgreSQL 14 and later, named as the README runs it. */
    public static Design design(String name) {
        String file = "examples/" + name + ".yaml";
        try {
            String yaml = Files.readString(ROOT.resolve(file), StandardCharsets.UTF_8);
            return new Designer(PgDialect.INSTANCE.designDialect()).design(SpecReader.parse(yaml, file),
                    OptionalInt.empty());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
