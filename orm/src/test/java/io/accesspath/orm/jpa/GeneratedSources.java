package io.accesspath.orm.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import io.accesspath.core.design.Design;
import io.accesspath.core.query.Query;
import io.accesspath.core.query.QueryWriter;
import io.accesspath.postgres.ExampleDesigns;
import io.accesspath.postgres.PgDialect;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/** An example's generated JPA sources, compiled with javac in the test's own JVM and loaded. */
record GeneratedSources(String example, Design design, List<Query> queries, String javaPackage,
                        Map<String, String> files, ClassLoader loader) {

    static GeneratedSources of(String example, Path work) {
        Design d = ExampleDesigns.design(example);
        List<Query> queries = new QueryWriter(PgDialect.INSTANCE).write(d);
        String pkg = JpaGenerator.defaultPackage(d.spec().name());
        Map<String, String> files = new JpaGenerator(PgDialect.INSTANCE, pkg).generate(d, queries);
        return new GeneratedSources(example, d, queries, pkg, files, compile(files, work));
    }

    /**
     * Compiles the sources with every warning enabled and turned into an error, so the generated
     * code is clean as well as correct.
     */
    static ClassLoader compile(Map<String, String> files, Path work) {
        try {
            Path src = work.resolve("src");
            Path out = work.resolve("classes");
            Files.createDirectories(out);
            List<Path> paths = new ArrayList<>();
            for (Map.Entry<String, String> f : files.entrySet()) {
                Path p = src.resolve(f.getKey());
                Files.createDirectories(p.getParent());
                Files.writeString(p, f.getValue(), StandardCharsets.UTF_8);
                paths.add(p);
            }
            JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
            DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
            try (StandardJavaFileManager fm = javac.getStandardFileManager(diagnostics, Locale.ROOT,
                    StandardCharsets.UTF_8)) {
                List<String> options = List.of("--release", "17", "-parameters", "-Xlint:all,-processing,-serial",
                        "-Werror", "-classpath", System.getProperty("java.class.path"), "-d", out.toString());
                boolean ok = javac.getTask(null, fm, diagnostics, options, null, fm.getJavaFileObjectsFromPaths(paths))
                        .call();
                List<String> problems = diagnostics.getDiagnostics().stream()
                        .filter(d -> d.getKind() != Diagnostic.Kind.NOTE)
                        .map(d -> d.getSource().getName() + ":" + d.getLineNumber() + ": " + d.getMessage(Locale.ROOT))
                        .toList();
                assertThat(problems).as("javac diagnostics").isEmpty();
                assertThat(ok).isTrue();
            }
            return new URLClassLoader(new URL[] {out.toUri().toURL()}, GeneratedSources.class.getClassLoader());
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The loaded class of a generated type. */
    Class<?> load(String simpleName) {
        try {
            return Class.forName(javaPackage + "." + simpleName, true, loader);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every generated class whose name matches the filter, loaded. */
    List<Class<?>> classes(java.util.function.Predicate<Class<?>> filter) {
        List<Class<?>> out = new ArrayList<>();
        for (String path : files.keySet()) {
            String simple = path.substring(path.lastIndexOf('/') + 1, path.length() - ".java".length());
            Class<?> c = load(simple);
            if (filter.test(c)) {
                out.add(c);
            }
        }
        return out;
    }
}
