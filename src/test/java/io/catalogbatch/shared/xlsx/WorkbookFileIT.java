package io.catalogbatch.shared.xlsx;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A workbook is told by its bytes, not its name; its sheets and a first cell are read as a stream. */
class WorkbookFileIT {

    @TempDir
    Path work;

    private Path streamed(String name) throws IOException {
        Path file = work.resolve(name);
        TextWorkbook.writeAtomically(file, TextWorkbook.MAX_DATA_ROWS, workbook -> {
            TextSheet data = workbook.table("Sheet one", List.of("name"));
            data.row("a");
            data.finish();
            TextSheet about = workbook.lines("about");
            about.row("the mark");
            about.row("more");
            about.finish();
        });
        return file;
    }

    @Test
    void a_workbook_is_one_whatever_its_name_with_its_sheets_in_order_and_an_inline_first_cell() throws IOException {
        Path file = streamed("sent by mail.csv");

        WorkbookFile workbook = WorkbookFile.open(file).orElseThrow();

        assertThat(workbook.sheets()).containsExactly("Sheet one", "about");
        assertThat(workbook.firstCell("about")).isEqualTo("the mark");
        assertThat(workbook.firstCell("Sheet one")).isEqualTo("name");
        assertThat(workbook.firstCell("no such sheet")).isEmpty();
    }

    @Test
    void a_first_cell_held_in_the_shared_strings_as_programs_save_it_is_read() throws IOException {
        Path file = work.resolve("resaved.xlsx");
        try (XSSFWorkbook book = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            for (String text : List.of("x", "y", "z")) {
                book.createSheet("filler " + text).createRow(0).createCell(0).setCellValue(text);
            }
            book.createSheet("empty");
            book.createSheet("about").createRow(0).createCell(0).setCellValue("the mark");
            book.createSheet("later").createRow(1).createCell(0).setCellValue("not A1");
            book.write(out);
        }
        assertThat(Workbooks.part(file, "xl/worksheets/sheet5.xml")).contains("t=\"s\"");

        WorkbookFile workbook = WorkbookFile.open(file).orElseThrow();

        assertThat(workbook.firstCell("about")).isEqualTo("the mark");
        assertThat(workbook.firstCell("filler y")).isEqualTo("y");
        assertThat(workbook.firstCell("empty")).isEmpty();
        assertThat(workbook.firstCell("later")).isEmpty();
    }

    @Test
    void a_csv_named_xlsx_an_xls_a_zip_of_other_things_and_a_truncated_workbook_are_no_workbook() throws IOException {
        Path csv = Files.writeString(work.resolve("models.xlsx"), "name,description\na,b\n");
        Path xls = work.resolve("old.xlsx");
        try (HSSFWorkbook book = new HSSFWorkbook(); OutputStream out = Files.newOutputStream(xls)) {
            book.createSheet("models").createRow(0).createCell(0).setCellValue("name");
            book.write(out);
        }
        Path zip = work.resolve("archive.xlsx");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("models.csv"));
            out.write("name\na\n".getBytes());
        }
        byte[] whole = Files.readAllBytes(streamed("whole.xlsx"));
        Path truncated = Files.write(work.resolve("truncated.xlsx"), Arrays.copyOf(whole, whole.length / 2));

        for (Path file : List.of(csv, xls, zip, truncated)) {
            assertThat(WorkbookFile.open(file)).as(file.getFileName().toString()).isEmpty();
        }
    }
}
