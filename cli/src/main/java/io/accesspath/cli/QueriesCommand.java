package io.accesspath.cli;

import io.accesspath.cli.internal.OutputFiles;
import io.accesspath.core.design.Design;
import io.accesspath.core.design.Designer;
import io.accesspath.core.dialect.Dialect;
import io.accesspath.core.dialect.Dialects;
import io.accesspath.core.error.Loc;
import io.accesspath.core.error.UserError;
import io.accesspath.core.query.Query;
import io.accesspath.core.query.QueryFiles;
import io.accesspath.core.query.QueryWriter;
import io.accesspath.core.spec.Spec;
import io.accesspath.core.spec.SpecReader;
import io.accesspath.orm.jpa.JpaGenerator;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code accesspath queries SPEC}: the query of every access pattern, in SQL or as JPA code. */
@Command(name = "queries", mixinStandardHelpOptions = true,
        description = {"Writes the query of every access pattern: parameterized SQL with the plan the design",
                "expects (NAME.sql and queries.json), or with --orm jpa Jakarta Persistence entities and",
                "Spring Data repositories. Without --out, queries.json is printed."})
public final class QueriesCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "SPEC", description = "The requirements spec (YAML or JSON).")
    Path spec;

    @Option(names = "--orm", paramLabel = "ORM", defaultValue = "sql",
            description = "sql (NAME.sql per pattern and queries.json) or jpa (entities and repositories).")
    Orm orm;

    @Option(names = {"-o", "--out"}, paramLabel = "DIR", description = "Write the files into DIR (required for jpa).")
    Path out;

    @Option(names = "--package", paramLabel = "NAME",
            description = "The Java package of the JPA code (default com.example.<spec name>).")
    String javaPackage;

    @Option(names = "--pg-version", paramLabel = "N",
            description = "Target PostgreSQL major version (14..18). Without it the schema runs on 14 and later.")
    Integer pgVersion;

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "What to print: json (queries.json; the default without --out), sql (every statement)"
                    + " or text (a summary; the default with --out).")
    Format format;

    @Mixin
    Common common;

    enum Orm { sql, jpa }

    enum Format { text, json, sql }

    @Override
    public Integer call() {
        if (orm == Orm.jpa && out == null) {
            throw UserError.invalid(Loc.NONE, "--orm jpa writes Java source files", "add --out DIR");
        }
        if (javaPackage != null && orm != Orm.jpa) {
            throw UserError.invalid(Loc.NONE, "--package applies to --orm jpa only", "drop --package or add --orm jpa");
        }
        if (javaPackage != null && !JpaGenerator.isPackageName(javaPackage)) {
            throw UserError.invalid(Loc.NONE, "'" + javaPackage + "' is not a Java package name",
                    "use lower-case dotted words, e.g. com.example.shop");
        }
        Spec s = SpecReader.read(spec);
        Dialect dialect = Dialects.byId("postgresql");
        Design design = new Designer(dialect.designDialect())
                .design(s, pgVersion == null ? OptionalInt.empty() : OptionalInt.of(pgVersion));
        List<Query> queries = new QueryWriter(dialect).write(design);
        Map<String, String> sqlFiles = QueryFiles.render(design, queries);
        Map<String, String> files = orm == Orm.jpa
                ? new JpaGenerator(dialect, javaPackage == null ? JpaGenerator.defaultPackage(s.name()) : javaPackage)
                .generate(design, queries)
                : sqlFiles;
        if (out != null) {
            OutputFiles o = new OutputFiles();
            files.forEach(o::add);
            o.writeTo(out);
        }
        Format shown = format != null ? format : out == null ? Format.json : Format.text;
        switch (shown) {
            case json -> System.out.print(sqlFiles.get(QueryFiles.QUERIES_JSON));
            case sql -> queries.forEach(q -> System.out.print(QueryFiles.sqlFile(design, q) + "\n"));
            default -> printText(design, queries, files);
        }
        return 0;
    }

    private void printText(Design design, List<Query> queries, Map<String, String> files) {
        System.out.println(design.spec().name() + ": " + queries.size() + " queries ("
                + design.targetVersion().map(v -> "PostgreSQL " + v).orElse("PostgreSQL " + design.minVersion() + "+")
                + ")");
        for (Query q : queries) {
            var a = q.expected().access();
            System.out.println("  " + q.name() + "  " + a.access() + " on " + a.table()
                    + a.index().map(i -> " using " + i).orElse("")
                    + q.page().map(p -> ", " + p.style().spelling() + " pages of " + p.size()).orElse(""));
        }
        if (out != null) {
            System.out.println("wrote " + files.size() + " files to " + out);
        }
    }
}
