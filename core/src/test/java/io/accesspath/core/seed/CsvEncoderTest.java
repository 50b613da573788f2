package io.accesspath.core.seed;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CsvEncoderTest {
    @Test
    void quotesWhatCsvNeedsAndWritesNullAsAnEmptyField() {
        List<SeedColumn> columns = List.of(SeedColumn.of("id", "bigint", ValueKind.INT8),
                SeedColumn.of("name", "text", ValueKind.TEXT), SeedColumn.of("note", "text", ValueKind.TEXT),
                new SeedColumn("price", "numeric(14,2)", ValueKind.NUMERIC, 2, Optional.empty()));
        CsvEncoder csv = new CsvEncoder(columns, new int[] {0, 1, 2, 3});
        Row row = new Row(4);
        row.setLong(0, 7);
        row.textBuffer(1).append("Smith, \"Jo\" été");
        row.textBuffer(2);
        row.setNull(3);
        ByteSink out = new ByteSink(16);
        csv.begin(out);
        csv.encode(row, out);
        row.textBuffer(2).append("two\nlines");
        row.setLong(3, -5);
        csv.encode(row, out);
        assertThat(new String(out.toByteArray(), StandardCharsets.UTF_8)).isEqualTo(
                "id,name,note,price\n"
                        + "7,\"Smith, \"\"Jo\"\" été\",\"\",\n"
                        + "7,\"Smith, \"\"Jo\"\" été\",\"two\nlines\",-0.05\n");
    }
}
