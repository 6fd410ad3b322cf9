package io.catalogbatch.catalog.adapters;

import static org.assertj.core.api.Assertions.assertThat;

import com.ibm.icu.lang.UCharacter;
import io.catalogbatch.catalog.domain.Tag;
import io.catalogbatch.cli.CatalogBatchCli;
import io.catalogbatch.cli.CatalogBatchCli.Result;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.LongStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * SPEC §5: import(raw export) is an exact round trip. For random catalogs (seeded, so a failure is reproduced by
 * its seed): write a models.csv and a tags.csv the way people do (random quoting, line endings, BOM, column order,
 * spellings of names, tags and statuses), import them into catalog A, check A holds exactly the generated
 * values, export A raw, import that export into an empty catalog B, export B raw: both exports are the same bytes.
 */
class RawRoundTripIT {

    static final List<String> MODEL_COLUMNS = List.of(
            "name", "description", "task", "framework", "license", "url", "created", "status", "successor", "revision");

    @TempDir
    Path work;

    static LongStream folderSeeds() {
        return LongStream.rangeClosed(1, 30);
    }

    @ParameterizedTest(name = "seed {0}, CSV folders")
    @MethodSource("folderSeeds")
    void a_raw_export_imports_back_exactly_into_a_catalog_folder(long seed) throws IOException {
        roundTrip(seed, work.resolve("a").toString(), work.resolve("b").toString());
        assertThat(Files.readAllBytes(work.resolve("a/models.csv")))
                .as("seed %d: the store's own models.csv is the raw export", seed)
                .isEqualTo(Files.readAllBytes(work.resolve("export-a/models.csv")));
        assertThat(Files.readAllBytes(work.resolve("a/tags.csv")))
                .as("seed %d: the store's own tags.csv is the raw export", seed)
                .isEqualTo(Files.readAllBytes(work.resolve("export-a/tags.csv")));
    }

    @ParameterizedTest(name = "seed {0}, H2")
    @ValueSource(longs = {101, 102, 103, 104})
    void a_raw_export_imports_back_exactly_into_a_database(long seed) throws IOException {
        roundTrip(seed, h2("a"), h2("b"));
    }

    @Test
    void names_above_the_surrogates_sort_by_code_unit_in_every_store() throws IOException {
        // U+FF41 (fullwidth a) is above the surrogates D800-DFFF of U+1F600 in UTF-16, below it as a code point.
        // The key is the case folding (SPEC §1): U+FB01 (ﬁ) sorts as "fi", U+FF22 (fullwidth B) as U+FF42.
        String models = "name,tags\n\uFF41-model,x\n\uFF22-model,x\n\uD83D\uDE00-model,x\nzz,x\n\uFB01-ligature,x\n";
        String expected = "model,tag\r\n\uFB01-ligature,x\r\nzz,x\r\n\uD83D\uDE00-model,x\r\n\uFF41-model,x\r\n"
                + "\uFF22-model,x\r\n";
        for (String catalog : List.of(work.resolve("folder").toString(), h2("db"))) {
            Files.writeString(work.resolve("models.csv"), models);
            Result run = CatalogBatchCli.run("import", "--models", work.resolve("models.csv").toString(),
                    "--catalog", catalog, "--report", work.resolve("report-" + catalog.length()).toString());
            assertThat(run.exitCode()).as(run.err()).isZero();
            Path out = export(catalog, "export-" + catalog.length());
            assertThat(Files.readString(out.resolve("tags.csv"))).as(catalog).isEqualTo(expected);
        }
    }

    @Test
    void a_model_named_like_the_tags_header_survives_the_round_trip() throws IOException {
        // A tags.csv row "Model,tag" is a concatenated header by SPEC §3 (repeated-header), yet it is this
        // catalog's data: a raw export must still import back exactly (SPEC §5).
        Files.writeString(work.resolve("models.csv"), "name,description,tags\nModel,the header's twin,tag;other\n");
        String a = work.resolve("a").toString();
        Result first = CatalogBatchCli.run("import", "--models", work.resolve("models.csv").toString(),
                "--catalog", a, "--report", work.resolve("report-a").toString());
        assertThat(first.exitCode()).as(first.err()).isZero();
        Path exportA = export(a, "export-a");
        assertThat(Files.readString(exportA.resolve("tags.csv"))).isEqualTo("model,tag\r\nModel,other\r\nModel,tag\r\n");

        Result second = CatalogBatchCli.run("import", "--models", exportA.resolve("models.csv").toString(),
                "--tags", exportA.resolve("tags.csv").toString(), "--catalog", work.resolve("b").toString(),
                "--report", work.resolve("report-b").toString());

        assertThat(second.exitCode()).as(second.out() + second.err()).isZero();
        assertThat(Files.readString(export(work.resolve("b").toString(), "export-b").resolve("tags.csv")))
                .isEqualTo("model,tag\r\nModel,other\r\nModel,tag\r\n");
    }

    // ================================================================ the round trip

    private void roundTrip(long seed, String catalogA, String catalogB) throws IOException {
        Random random = new Random(seed);
        List<GeneratedModel> models = CatalogGenerator.models(random, 1 + random.nextInt(40));
        Path input = work.resolve("input");
        Files.createDirectories(input);
        Files.write(input.resolve("models.csv"), CatalogGenerator.modelsFile(random, models));
        byte[] tagsFile = CatalogGenerator.tagsFile(random, models);
        Files.write(input.resolve("tags.csv"), tagsFile);

        Result importA = CatalogBatchCli.run("import", "--models", input.resolve("models.csv").toString(),
                "--tags", input.resolve("tags.csv").toString(), "--catalog", catalogA,
                "--report", work.resolve("report-a").toString());
        assertThat(importA.exitCode()).as("seed %d: import of the generated files: %s%s%s", seed, importA.out(),
                importA.err(), reportErrors("report-a")).isZero();
        Path exportA = export(catalogA, "export-a");
        assertHolds(seed, exportA, models);

        Result importB = CatalogBatchCli.run("import", "--models", exportA.resolve("models.csv").toString(),
                "--tags", exportA.resolve("tags.csv").toString(), "--catalog", catalogB,
                "--report", work.resolve("report-b").toString());
        assertThat(importB.exitCode()).as("seed %d: import of the raw export: %s%s%s", seed, importB.out(),
                importB.err(), reportErrors("report-b")).isZero();
        Path exportB = export(catalogB, "export-b");

        assertThat(Files.readString(exportB.resolve("models.csv"), StandardCharsets.UTF_8))
                .as("seed %d: models.csv of B", seed)
                .isEqualTo(Files.readString(exportA.resolve("models.csv"), StandardCharsets.UTF_8));
        assertThat(Files.readAllBytes(exportB.resolve("models.csv"))).isEqualTo(Files.readAllBytes(exportA.resolve("models.csv")));
        assertThat(Files.readString(exportB.resolve("tags.csv"), StandardCharsets.UTF_8))
                .as("seed %d: tags.csv of B", seed)
                .isEqualTo(Files.readString(exportA.resolve("tags.csv"), StandardCharsets.UTF_8));
        assertThat(Files.readAllBytes(exportB.resolve("tags.csv"))).isEqualTo(Files.readAllBytes(exportA.resolve("tags.csv")));
    }

    /** Catalog A holds exactly the generated values, in name key order, with revision 1 + tags (SPEC §8). */
    private static void assertHolds(long seed, Path export, List<GeneratedModel> generated) throws IOException {
        List<GeneratedModel> sorted = new ArrayList<>(generated);
        sorted.sort((x, y) -> x.key().compareTo(y.key()));
        List<List<String>> expectedModels = new ArrayList<>();
        List<List<String>> expectedTags = new ArrayList<>();
        for (GeneratedModel model : sorted) {
            expectedModels.add(List.of(model.name(), model.description(), model.task(), model.framework(),
                    model.license(), model.url(), model.created(), model.status(), model.successor(),
                    Integer.toString(1 + model.tags().size())));
            model.tags().forEach(tag -> expectedTags.add(List.of(model.name(), tag)));
        }
        assertThat(records(export.resolve("models.csv"), MODEL_COLUMNS)).as("seed %d: models of A", seed)
                .isEqualTo(expectedModels);
        assertThat(records(export.resolve("tags.csv"), List.of("model", "tag"))).as("seed %d: tags of A", seed)
                .isEqualTo(expectedTags);
    }

    private static List<List<String>> records(Path file, List<String> header) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            List<CSVRecord> records = CSVFormat.RFC4180.parse(reader).getRecords();
            assertThat(records.get(0).toList()).isEqualTo(header);
            return records.stream().skip(1).map(CSVRecord::toList).toList();
        }
    }

    private Path export(String catalog, String folder) {
        Path out = work.resolve(folder);
        Result run = CatalogBatchCli.run("export", "--out", out.toString(), "--catalog", catalog, "--flavour", "raw");
        assertThat(run.exitCode()).as(run.err()).isZero();
        return out;
    }

    private String h2(String name) {
        return "jdbc:h2:file:" + work.resolve("h2-" + name).toAbsolutePath() + "/catalog";
    }

    private String reportErrors(String report) throws IOException {
        StringBuilder errors = new StringBuilder();
        for (String file : List.of("models.errors.csv", "tags.errors.csv")) {
            Path path = work.resolve(report).resolve(file);
            if (Files.exists(path)) {
                errors.append('\n').append(file).append(":\n").append(Files.readString(path));
            }
        }
        return errors.toString();
    }

    // ================================================================ the generator

    /** A model as generated: the values the catalog must hold (tags canonical and sorted) and how they were written. */
    record GeneratedModel(String name, String key, String description, String task, String framework, String license,
                          String url, String created, String status, String successor, List<String> tags,
                          List<String> spellings) {
    }

    /** Random catalogs and the files that carry them, deterministic for a given {@link Random}. */
    static final class CatalogGenerator {

        /** Letters of many scripts, NFC and lower-case-stable or not, supplementary ones included. */
        static final String[] NAME_PARTS = {
                "a", "b", "Z", "q", "7", "0", "-", "_", ".", "/", ":", "@", "+", "=", "#", "'", "\"", ",", ";", "|",
                "(", ")", "!", "?", "&", "%", "$", "~", "*", "<", ">", "[", "]", "{", "}", "\\", "`", "^",
                "é", "Ü", "ß", "ø", "Œ", "ñ", "Ω", "π", "Ж", "я", "日本", "語", "한", "ע", "ب", "İ", "ǅ",
                "\uD83D\uDE00", "\uD835\uDD18", "\uD801\uDC28", "\uD83E\uDDEA", "\uFF21", "\uFB01", "e\u0301",
                "o\u0308", "bert", "LLaMA", "org/", "v2", "#N/A", "'=", "=cmd", "sep=;", " ", " ", "\u00A0x",
        };
        static final String[] TEXT_PARTS = {
                "text", " ", "  ", ",", "\"", "\"\"", "'", "#", "'=", "=SUM(A1)", "+1", "-", "@", ";", "|",
                "\r", "\n", "\r\n", "\n\n", "\t", "e\u0301", "\u0308", "\u0301\u0301", "\uD83D\uDE00",
                "\uD834\uDD1E", "\u00A0", "\u2028", "\uFEFF", "日本語", "Ελληνικά", "עברית", "\u200B", "\\", "sep=,",
                "<b>", "{json: 1}", "%s", "\u3000",
        };
        static final String[] LABELS = {
                "text-classification", "PyTorch", "Apache-2.0", "CC BY-SA 4.0", "mit", "日本語", "=cmd", "+1",
                "-1", "@x", "a,b", "\"quoted\"", "#tag", "o'neil", "x|y;z", "ü", "\uD83E\uDDEA lab", "Ǆ", "llama2",
        };
        /** à was ß, which is no canonical tag since tags are case-folded (ss); à sorts where ß did among these. */
        static final String[] TAG_CHARS = {
                "a", "b", "c", "x", "y", "z", "0", "1", "9", ".", "/", "+", ":", "-", "é", "à", "ж", "日", "本",
                "ω", "\uD801\uDC28",
        };
        static final String[] SPACES = {"", "", "", " ", "  ", "\u00A0", "\u3000", " \u2003", "\t"};
        static final String[] HOSTS = {"example.org", "EXAMPLE.com:8080", "例え.jp", "[::1]", "user@host.net"};
        static final String URL_CHARS = "abcXYZ019-._~!$&'()*+,;=:@/%?#\"üé";

        private CatalogGenerator() {
        }

        static List<GeneratedModel> models(Random random, int count) {
            List<GeneratedModel> models = new ArrayList<>();
            Set<String> keys = new HashSet<>();
            while (models.size() < count) {
                String name = name(random);
                String key = UCharacter.foldCase(name, UCharacter.FOLD_CASE_DEFAULT); // SPEC §1: full case folding
                if (!keys.add(key)) {
                    continue;
                }
                String successor = "";
                String status = pick(random, "active", "active", "deprecated", "archived");
                if (!models.isEmpty() && random.nextInt(3) == 0) {
                    successor = models.get(random.nextInt(models.size())).name();
                }
                List<String> tags = new ArrayList<>(new TreeSet<>(tags(random)));
                models.add(new GeneratedModel(name, key, description(random), label(random), label(random),
                        label(random), url(random), created(random), status, successor, tags,
                        new ArrayList<>()));
            }
            return models;
        }

        /** NFC, no white space at either end, 1..~40 UTF-16 units, no control or bidi characters. */
        static String name(Random random) {
            while (true) {
                StringBuilder name = new StringBuilder();
                int parts = 1 + random.nextInt(8);
                for (int i = 0; i < parts; i++) {
                    name.append(pick(random, NAME_PARTS));
                }
                String value = Normalizer.normalize(name.toString(), Normalizer.Form.NFC);
                if (!value.isEmpty() && !isSpace(value.charAt(0)) && !isSpace(value.charAt(value.length() - 1))
                        && !Character.isLowSurrogate(value.charAt(0)) && Character.getType(value.charAt(0))
                        != Character.NON_SPACING_MARK) {
                    return value;
                }
            }
        }

        static boolean isSpace(char c) {
            return Character.isWhitespace(c) || Character.isSpaceChar(c);
        }

        static String description(Random random) {
            switch (random.nextInt(10)) {
                case 0:
                    return "";
                case 1:
                    return pick(random, "   ", "\r\n", " \t ", "\n");
                default:
                    StringBuilder text = new StringBuilder(pick(random, SPACES));
                    int parts = random.nextInt(20) == 0 ? 800 : random.nextInt(40);
                    for (int i = 0; i < parts; i++) {
                        text.append(pick(random, TEXT_PARTS));
                    }
                    return text.append(pick(random, SPACES)).toString();
            }
        }

        static String label(Random random) {
            return random.nextInt(3) == 0 ? "" : pick(random, LABELS);
        }

        static String url(Random random) {
            if (random.nextInt(3) == 0) {
                return "";
            }
            StringBuilder url = new StringBuilder(pick(random, "http://", "https://", "HTTPS://"))
                    .append(pick(random, HOSTS)).append('/');
            int length = random.nextInt(30);
            for (int i = 0; i < length; i++) {
                url.append(URL_CHARS.charAt(random.nextInt(URL_CHARS.length())));
            }
            return url.toString();
        }

        static String created(Random random) {
            if (random.nextInt(4) == 0) {
                return "";
            }
            LocalDate date = LocalDate.of(1990 + random.nextInt(40), 1, 1).plusDays(random.nextInt(366 * 3));
            return date.toString();
        }

        static List<String> tags(Random random) {
            List<String> tags = new ArrayList<>();
            int count = random.nextInt(6);
            while (tags.size() < count) {
                StringBuilder raw = new StringBuilder();
                int length = 1 + random.nextInt(10);
                for (int i = 0; i < length; i++) {
                    raw.append(pick(random, TAG_CHARS));
                }
                String canonical = raw.toString().replaceAll("-+", "-").replaceAll("^-|-$", "");
                if (!canonical.isEmpty() && !tags.contains(canonical)) {
                    assertThat(Tag.of(canonical).value()).as("the generator makes canonical tags").isEqualTo(canonical);
                    tags.add(canonical);
                }
            }
            return tags;
        }

        /** A way of writing the tag that canonicalises to it: case, white space or {@code _} for {@code -}, fullwidth. */
        static String spell(Random random, String tag) {
            StringBuilder spelled = new StringBuilder(pick(random, "", "", " "));
            for (int i = 0; i < tag.length(); i++) {
                char c = tag.charAt(i);
                int how = random.nextInt(6);
                if (c == '-') {
                    spelled.append(pick(random, "-", "_", " ", "--", "-_ "));
                } else if (c >= 'a' && c <= 'z' && how == 0) {
                    spelled.append(Character.toUpperCase(c));
                } else if (c >= 'a' && c <= 'z' && how == 1) {
                    spelled.append((char) (0xFF21 + (c - 'a')));
                } else if (c >= '0' && c <= '9' && how == 1) {
                    spelled.append((char) (0xFF10 + (c - '0')));
                } else {
                    spelled.append(c);
                }
            }
            return spelled.append(pick(random, "", "", " ")).toString();
        }

        /** How a person refers to the model again: the same name, or its key, with white space around. */
        static String refer(Random random, String name) {
            String same = random.nextBoolean() ? name : UCharacter.foldCase(name, UCharacter.FOLD_CASE_DEFAULT);
            return pick(random, SPACES).replace("\t", "") + same + pick(random, SPACES).replace("\t", "");
        }

        static byte[] modelsFile(Random random, List<GeneratedModel> models) {
            List<String> columns = new ArrayList<>(List.of("name", "description", "task", "framework", "license",
                    "url", "created", "status", "successor", "tags"));
            Collections.shuffle(columns, random);
            List<List<String>> rows = new ArrayList<>();
            List<String> header = new ArrayList<>();
            for (String column : columns) {
                header.add(pick(random, column, column, column.toUpperCase(Locale.ROOT),
                        Character.toUpperCase(column.charAt(0)) + column.substring(1), " " + column + " "));
            }
            rows.add(header);
            for (GeneratedModel model : models) {
                List<String> row = new ArrayList<>();
                for (String column : columns) {
                    row.add(switch (column) {
                        case "name" -> decorated(random, model.name());
                        case "description" -> model.description();
                        case "task" -> decorated(random, model.task());
                        case "framework" -> decorated(random, model.framework());
                        case "license" -> decorated(random, model.license());
                        case "url" -> decorated(random, model.url());
                        case "created" -> decorated(random, dateCell(random, model.created()));
                        case "status" -> decorated(random, statusCell(random, model.status()));
                        case "successor" -> model.successor().isEmpty() ? "" : refer(random, model.successor());
                        case "tags" -> inlineTags(random, model);
                        default -> throw new IllegalStateException(column);
                    });
                }
                rows.add(row);
            }
            return file(random, rows);
        }

        /** About half of each model's tags inline, in any spelling, with repeats and empty elements. */
        static String inlineTags(Random random, GeneratedModel model) {
            List<String> elements = new ArrayList<>();
            for (String tag : model.tags()) {
                if (random.nextBoolean()) {
                    model.spellings().add(tag);
                    elements.add(spell(random, tag));
                    if (random.nextInt(5) == 0) {
                        elements.add(spell(random, tag));
                    }
                    if (random.nextInt(5) == 0) {
                        elements.add("");
                    }
                }
            }
            Collections.shuffle(elements, random);
            StringBuilder cell = new StringBuilder();
            for (int i = 0; i < elements.size(); i++) {
                if (i > 0) {
                    cell.append(pick(random, ";", ",", "|", "; "));
                }
                cell.append(elements.get(i));
            }
            return cell.toString();
        }

        /**
         * The tags not written inline, as add rows (some inline ones again: a no-op), and removals of tags the
         * model does not have (accepted no-ops); never the same model and tag twice.
         */
        static byte[] tagsFile(Random random, List<GeneratedModel> models) {
            List<List<String>> rows = new ArrayList<>();
            for (GeneratedModel model : models) {
                Set<String> listed = new LinkedHashSet<>();
                for (String tag : model.tags()) {
                    boolean inline = model.spellings().contains(tag);
                    if (!inline || random.nextInt(4) == 0) {
                        listed.add(tag);
                        rows.add(List.of(refer(random, model.name()), spell(random, tag),
                                pick(random, "", "add", "ADD", " Add ")));
                    }
                }
                if (random.nextInt(4) == 0) {
                    String absent = "absent-" + random.nextInt(1000);
                    if (!model.tags().contains(absent) && listed.add(absent)) {
                        rows.add(List.of(refer(random, model.name()), absent, pick(random, "remove", "REMOVE", " Remove ")));
                    }
                }
            }
            Collections.shuffle(rows, random);
            rows.add(0, List.of("model", pick(random, "tag", "Tag"), "action"));
            return file(random, rows);
        }

        static String dateCell(Random random, String date) {
            if (date.isEmpty() || random.nextBoolean()) {
                return date;
            }
            return date + pick(random, "T", " ", "t") + pick(random, "00:00:00", "23:59:60", "12:34:56.789")
                    + pick(random, "Z", "z", "+00:00", "-05:30", "+14:00");
        }

        static String statusCell(Random random, String status) {
            if (status.equals("active") && random.nextBoolean()) {
                return "";
            }
            return pick(random, status, status.toUpperCase(Locale.ROOT),
                    Character.toUpperCase(status.charAt(0)) + status.substring(1));
        }

        static String decorated(Random random, String value) {
            return value.isEmpty() ? value : pick(random, SPACES).replace("\t", "") + value
                    + pick(random, SPACES).replace("\t", "");
        }

        /** RFC 4180 with some cells quoted for no reason, line ends of every kind, sometimes a BOM. */
        static byte[] file(Random random, List<List<String>> rows) {
            StringBuilder text = new StringBuilder(random.nextInt(4) == 0 ? "\uFEFF" : "");
            for (int r = 0; r < rows.size(); r++) {
                List<String> row = rows.get(r);
                for (int i = 0; i < row.size(); i++) {
                    if (i > 0) {
                        text.append(',');
                    }
                    String cell = row.get(i);
                    boolean needs = cell.contains(",") || cell.contains("\"") || cell.contains("\r")
                            || cell.contains("\n") || (cell.isEmpty() && row.size() == 1);
                    if (needs || random.nextInt(4) == 0) {
                        text.append('"').append(cell.replace("\"", "\"\"")).append('"');
                    } else {
                        text.append(cell);
                    }
                }
                if (r < rows.size() - 1 || random.nextBoolean()) {
                    text.append(pick(random, "\r\n", "\n", "\r"));
                }
            }
            return text.toString().getBytes(StandardCharsets.UTF_8);
        }

        @SafeVarargs
        static <T> T pick(Random random, T... choices) {
            return choices[random.nextInt(choices.length)];
        }
    }
}
