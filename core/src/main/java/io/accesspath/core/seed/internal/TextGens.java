package io.accesspath.core.seed.internal;

import java.util.List;
import java.util.Locale;

/** The shapes of generated text. */
final class TextGens {
    private TextGens() {
    }

    /** One value of a pool (faker expressions, countries, time zones, pattern samples). */
    record Pool(List<String> values) implements TextGen {
        Pool {
            values = List.copyOf(values);
        }

        @Override
        public void append(StringBuilder sb, Rng rng) {
            sb.append(values.get(rng.nextInt(values.size())));
        }

        @Override
        public int poolSize() {
            return values.size();
        }

        @Override
        public void appendPoolValue(StringBuilder sb, int index) {
            sb.append(values.get(index));
        }
    }

    /** "First Last". */
    record PersonName(List<String> first, List<String> last) implements TextGen {
        @Override
        public void append(StringBuilder sb, Rng rng) {
            sb.append(first.get(rng.nextInt(first.size()))).append(' ').append(last.get(rng.nextInt(last.size())));
        }

        @Override
        public String separator() {
            return " ";
        }
    }

    /** "first.last@domain", all lower case; a unique token goes before the @. */
    record Email(List<String> first, List<String> last, List<String> domains) implements TextGen {
        @Override
        public void append(StringBuilder sb, Rng rng) {
            local(sb, rng);
            if (rng.chance(0.3)) {
                sb.append(rng.nextInt(100));
            }
            sb.append('@').append(domains.get(rng.nextInt(domains.size())));
        }

        @Override
        public void appendWithToken(StringBuilder sb, Rng rng, String token) {
            local(sb, rng);
            sb.append('.').append(token).append('@').append(domains.get(rng.nextInt(domains.size())));
        }

        private void local(StringBuilder sb, Rng rng) {
            String f = Texts.simple(first.get(rng.nextInt(first.size())));
            String l = Texts.simple(last.get(rng.nextInt(last.size())));
            switch (rng.nextInt(4)) {
                case 0 -> sb.append(f).append('.').append(l);
                case 1 -> sb.append(f).append(l);
                case 2 -> sb.append(f.charAt(0)).append('.').append(l);
                default -> sb.append(f).append('_').append(l);
            }
        }
    }

    /** Between {@code min} and {@code max} sentences. */
    record Sentences(List<String> sentences, int min, int max) implements TextGen {
        @Override
        public void append(StringBuilder sb, Rng rng) {
            int n = min + rng.nextInt(max - min + 1);
            for (int i = 0; i < n; i++) {
                if (i > 0) {
                    sb.append(' ');
                }
                sb.append(sentences.get(rng.nextInt(sentences.size())));
            }
        }

        @Override
        public String separator() {
            return " ";
        }
    }

    /** A title: a few capitalized words. */
    record Title(List<String> words, int min, int max) implements TextGen {
        @Override
        public void append(StringBuilder sb, Rng rng) {
            int n = min + rng.nextInt(max - min + 1);
            for (int i = 0; i < n; i++) {
                if (i > 0) {
                    sb.append(' ');
                }
                String w = words.get(rng.nextInt(words.size()));
                sb.append(i == 0 ? Character.toUpperCase(w.charAt(0)) + w.substring(1) : w);
            }
        }

        @Override
        public String separator() {
            return " ";
        }
    }

    /** "word-word-word". */
    record Slug(List<String> words, int min, int max) implements TextGen {
        @Override
        public void append(StringBuilder sb, Rng rng) {
            int n = min + rng.nextInt(max - min + 1);
            for (int i = 0; i < n; i++) {
                if (i > 0) {
                    sb.append('-');
                }
                sb.append(Texts.simple(words.get(rng.nextInt(words.size()))));
            }
        }
    }

    /** An upper-case code: "PRD-48213". */
    record Code(String prefix, int digits) implements TextGen {
        @Override
        public void append(StringBuilder sb, Rng rng) {
            sb.append(prefix).append('-');
            for (int i = 0; i < digits; i++) {
                sb.append((char) ('0' + rng.nextInt(10)));
            }
        }

        @Override
        public void appendWithToken(StringBuilder sb, Rng rng, String token) {
            sb.append(prefix).append('-').append(token);
        }

        @Override
        public boolean upperToken() {
            return true;
        }

        @Override
        public int minTokenWidth() {
            return digits;
        }

        /** A code whose prefix comes from the attribute (sku, serial), or the entity for generic names. */
        static Code forAttribute(String entity, String attribute) {
            boolean generic = Hints.has(attribute, "code", "ref", "reference", "number", "no", "key", "id", "identifier");
            return forName(generic ? entity : attribute);
        }

        static Code forName(String name) {
            String letters = Texts.simple(name).replaceAll("[0-9aeiou]", "");
            if (letters.length() < 3) {
                letters = (Texts.simple(name) + "xxx");
            }
            return new Code(letters.substring(0, 3).toUpperCase(Locale.ROOT), 6);
        }
    }

    /** "https://www.domain/word/word". */
    record Url(List<String> domains, List<String> words) implements TextGen {
        @Override
        public void append(StringBuilder sb, Rng rng) {
            sb.append("https://").append(domains.get(rng.nextInt(domains.size())));
            int n = rng.nextInt(3);
            for (int i = 0; i < n; i++) {
                sb.append('/').append(Texts.simple(words.get(rng.nextInt(words.size()))));
            }
        }

        @Override
        public void appendWithToken(StringBuilder sb, Rng rng, String token) {
            append(sb, rng);
            sb.append('/').append(token);
        }
    }

    /** A version number: "2.14.3". */
    record Version() implements TextGen {
        @Override
        public void append(StringBuilder sb, Rng rng) {
            sb.append(rng.nextInt(5)).append('.').append(rng.nextInt(20)).append('.').append(rng.nextInt(30));
        }
    }

    /** A CSS colour: "#1f8a3c". */
    record HexColor() implements TextGen {
        @Override
        public void append(StringBuilder sb, Rng rng) {
            sb.append('#');
            String hex = Long.toHexString(rng.nextLong(0x1000000L));
            sb.append("0".repeat(6 - hex.length())).append(hex);
        }
    }
}
