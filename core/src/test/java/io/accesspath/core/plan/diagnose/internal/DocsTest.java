package io.accesspath.core.plan.diagnose.internal;

import io.accesspath.core.plan.diagnose.Kind;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** docs/plans.md has a row for every rule and names every threshold the rules use. */
class DocsTest {
    private static final Path DOC = Path.of("../docs/plans.md");

    @Test
    void everyRuleHasARowWithItsThresholds() throws IOException, ReflectiveOperationException {
        String doc = Files.readString(DOC);
        Field all = Rules.class.getDeclaredField("ALL");
        all.setAccessible(true);
        List<?> rules = (List<?>) all.get(null);

        assertThat(rules.stream().map(r -> ((Rule) r).kind())).containsExactlyInAnyOrder(Kind.values());
        List<String> missing = new ArrayList<>();
        for (Object rule : rules) {
            Kind kind = ((Rule) rule).kind();
            String row = doc.lines().filter(l -> l.startsWith("| `" + kind.id() + "` |")).findFirst().orElse("");
            if (row.isEmpty()) {
                missing.add(kind.id() + ": no row");
            }
            for (Field f : rule.getClass().getDeclaredFields()) {
                boolean threshold = Modifier.isStatic(f.getModifiers()) && Modifier.isFinal(f.getModifiers())
                        && f.getType().isPrimitive();
                if (threshold && !row.contains("`" + f.getName() + "`")) {
                    missing.add(kind.id() + ": " + f.getName());
                }
            }
        }
        assertThat(missing).isEmpty();
    }
}
