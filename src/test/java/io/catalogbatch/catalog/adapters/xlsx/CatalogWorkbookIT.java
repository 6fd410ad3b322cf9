package io.catalogbatch.catalog.adapters.xlsx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.catalogbatch.catalog.domain.Status;
import io.catalogbatch.catalog.service.CatalogExport;
import io.catalogbatch.catalog.service.search.ModelQuery;
import io.catalogbatch.catalog.service.search.ModelSelection;
import io.catalogbatch.shared.xlsx.TextWorkbook;
import io.catalogbatch.shared.xlsx.TooManyRows;
import io.catalogbatch.shared.xlsx.Workbooks;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The workbook of {@code export --flavour xlsx}: its models sheet, its about sheet, its row limit. */
class CatalogWorkbookIT {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-04T05:06:07.891Z"), ZoneOffset.UTC);
    static final String SECRET_LOCATION = "jdbc:postgresql://db.example.org/catalog?user=cb&password=s3cret";

    @TempDir
    Path work;

    static CatalogWorkbook workbook(int maxRows) {
        return new CatalogWorkbook(SECRET_LOCATION, CLOCK, maxRows);
    }

    @Test
    void the_models_sheet_holds_every_model_in_key_order_as_text_with_its_tags_joined() throws IOException {
        ListedCatalog catalog = HostileCatalog.models();

        CatalogExport.Written written = workbook(TextWorkbook.MAX_DATA_ROWS)
                .write(catalog, ModelSelection.everything(), work);

        Path file = work.resolve("catalog.xlsx");
        assertThat(written).isEqualTo(new CatalogExport.Written(List.of(file), 8, 5));
        List<List<String>> rows = Workbooks.rows(file, "models");
        assertThat(rows.get(0)).containsExactly("name", "description", "task", "framework", "license", "url",
                "created", "status", "successor", "revision", "tags");
        assertThat(rows.subList(1, rows.size())).extracting(row -> row.get(0)).containsExactly("-negative-name",
                "00123", "007", "12345678901234567890", "1e5", "=1+2", "long", "émile 日本語 😀");
        assertThat(rows.get(3)).containsExactly("007", "- first point", "fill-mask", "pytorch", "3.0", "",
                "2024-02-29", "active", "", "3", "nlp;über");
        assertThat(rows.get(7)).containsExactly("long", HostileCatalog.LONGEST_DESCRIPTION, "", "", "", "", "",
                "active", "", "1", "");
        assertThat(rows.get(1).get(1)).isEqualTo("line one\r\nline two\nline three");
        String xml = Workbooks.part(file, "xl/worksheets/sheet1.xml");
        assertThat(xml).contains("t=\"inlineStr\"").doesNotContain("<f>").doesNotContain("<v>")
                .contains("<t>=1+2</t>").doesNotContain("'=1+2").contains("sqref=\"H2:H1009\"");
        try (Stream<Path> files = Files.list(work)) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void the_about_sheet_is_the_mark_and_says_what_where_when_how_many_and_how_to_edit() throws IOException {
        workbook(TextWorkbook.MAX_DATA_ROWS).write(HostileCatalog.models(), ModelSelection.everything(), work);

        List<String> about = lines(Workbooks.rows(work.resolve("catalog.xlsx"), "about"));
        assertThat(about.get(0)).isEqualTo("catalog-batch export").isEqualTo(CatalogWorkbook.MARK);
        String all = String.join("\n", about);
        assertThat(all).contains("Catalog: jdbc:postgresql://db.example.org/catalog?user=cb&password=***")
                .doesNotContain("s3cret")
                .contains("Exported at: 2026-03-04T05:06:07Z")
                .contains("Models: 8")
                .contains("Filters: none (the whole catalog, archived models too)")
                .contains("tags cell is the model's whole tag set")
                .contains("Add a model as a new row at the bottom")
                .contains("Do not rename the sheets or the column headers");
    }

    @Test
    void a_selection_writes_the_models_it_matches_and_names_its_filters() throws IOException {
        ModelQuery deprecated = ModelQuery.builder().statuses(Set.of(Status.DEPRECATED)).build();

        CatalogExport.Written written = workbook(TextWorkbook.MAX_DATA_ROWS)
                .write(HostileCatalog.models(), ModelSelection.matching(deprecated, "--status deprecated"), work);

        assertThat(written.models()).isEqualTo(2);
        Path file = work.resolve("catalog.xlsx");
        assertThat(Workbooks.rows(file, "models").subList(1, 3)).extracting(row -> row.get(0))
                .containsExactly("00123", "émile 日本語 😀");
        assertThat(lines(Workbooks.rows(file, "about"))).contains("Filters: --status deprecated", "Models: 2");
    }

    @Test
    void more_models_than_a_sheet_holds_are_refused_before_anything_is_read_or_written() throws IOException {
        ListedCatalog catalog = HostileCatalog.models();

        assertThatThrownBy(() -> workbook(7).write(catalog, ModelSelection.everything(), work))
                .isInstanceOf(TooManyRows.class)
                .hasMessage("cannot export 8 models as xlsx: a sheet holds at most 7 rows below its header. Export a"
                        + " selection with the search filters (--status, --task, --prefix, ...), or use --flavour raw");

        assertThat(catalog.passes).as("counted by the store, no model read").isZero();
        try (Stream<Path> files = Files.list(work)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void a_selection_that_fits_a_sheet_is_written_from_a_catalog_that_does_not() throws IOException {
        ListedCatalog catalog = HostileCatalog.models();
        ModelQuery active = ModelQuery.builder().statuses(Set.of(Status.ACTIVE)).build();

        assertThatThrownBy(() -> workbook(4).write(catalog, ModelSelection.matching(active, "--status active"), work))
                .isInstanceOf(TooManyRows.class).hasMessageStartingWith("cannot export 5 models as xlsx");
        CatalogExport.Written written = workbook(5)
                .write(catalog, ModelSelection.matching(active, "--status active"), work);

        assertThat(written.models()).isEqualTo(5);
    }

    static List<String> lines(List<List<String>> rows) {
        List<String> lines = new ArrayList<>();
        for (List<String> row : rows) {
            lines.add(row.isEmpty() ? "" : row.get(0));
        }
        return lines;
    }
}
