package io.accesspath.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.accesspath.core.design.Design;
import io.accesspath.core.render.ErdSvg;
import io.accesspath.core.schema.Table;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;

/** The SVG diagram is well-formed XML with a box per table and a curve per foreign key. */
class ErdSvgTest {
    static java.util.stream.Stream<String> examples() {
        return ExampleDesigns.NAMES.stream();
    }

    @ParameterizedTest
    @MethodSource("examples")
    void everyTableAndForeignKeyIsDrawn(String name) throws Exception {
        Design d = ExampleDesigns.design(name);
        String svg = ErdSvg.render(d.schema());
        Files.createDirectories(Path.of("target/erd"));
        Files.writeString(Path.of("target/erd/" + name + ".svg"), svg);
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new InputSource(new StringReader(svg)));
        var groups = doc.getElementsByTagName("g");
        assertThat(groups.getLength()).isEqualTo(d.schema().tables().size());
        long fks = d.schema().tables().stream().mapToLong(t -> t.foreignKeys().size()).sum();
        long drawn = 0;
        var paths = doc.getElementsByTagName("path");
        for (int i = 0; i < paths.getLength(); i++) {
            if (paths.item(i).getAttributes().getNamedItem("data-fk") != null) {
                drawn++;
            }
        }
        long self = d.schema().tables().stream().flatMap(t -> t.foreignKeys().stream()
                .filter(f -> f.referencedTable().equals(t.name()))).count();
        assertThat(drawn + self).isEqualTo(fks);
        for (Table t : d.schema().tables()) {
            assertThat(svg).contains("data-table=\"" + t.name() + "\"");
        }
    }
}
