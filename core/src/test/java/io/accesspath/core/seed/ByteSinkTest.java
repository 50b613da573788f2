package io.accesspath.core.seed;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ByteSinkTest {
    /** Random strings over ASCII, Latin, CJK and emoji encode like the JDK's UTF-8 encoder. */
    @Test
    void utf8MatchesTheJdk() {
        Random random = new Random(9);
        int[] starts = {0x20, 0xA0, 0x4E00, 0x1F600};
        for (int i = 0; i < 2000; i++) {
            StringBuilder s = new StringBuilder();
            int n = random.nextInt(40);
            for (int k = 0; k < n; k++) {
                s.appendCodePoint(starts[random.nextInt(starts.length)] + random.nextInt(90));
            }
            ByteSink sink = new ByteSink(1);
            sink.writeUtf8(s);
            assertThat(sink.toByteArray()).isEqualTo(s.toString().getBytes(StandardCharsets.UTF_8));
        }
    }
}
