package io.catalogbatch.shared.xlsx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.catalogbatch.shared.csv.CsvFileRefused;
import io.catalogbatch.shared.csv.CsvReadOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files that are no readable xlsx workbook, each built here, are refused at once in the user's words
 * ({@code bad-workbook}, or {@code empty-file}), never read as garbage and never an {@link OutOfMemoryError}.
 */
class HostileWorkbookTest {

    static final CsvReadOptions MODELS = CsvReadOptions.utf8(Set.of("name"), Set.of("name")).withSheet("models");

    @TempDir
    Path folder;
    Path valid;

    @BeforeEach
    void writeAValidWorkbook() throws IOException {
        valid = folder.resolve("valid.xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(valid)) {
            workbook.createSheet("models").createRow(0).createCell(0).setCellValue("name");
            workbook.getSheet("models").createRow(1).createCell(0).setCellValue("bert");
            workbook.write(out);
        }
    }

    CsvFileRefused refusal(Path file) {
        Throwable thrown = null;
        try (SheetSource source = SheetSource.open(file, MODELS)) {
            source.scan(row -> { });
        } catch (Throwable failure) {
            thrown = failure;
        }
        assertThat(thrown).as("refused: " + file).isInstanceOf(CsvFileRefused.class);
        return (CsvFileRefused) thrown;
    }

    @Test
    void a_password_protected_workbook_is_told_to_remove_the_password() throws Exception {
        Path encrypted = folder.resolve("secret.xlsx");
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            EncryptionInfo info = new EncryptionInfo(EncryptionMode.standard);
            Encryptor encryptor = info.getEncryptor();
            encryptor.confirmPassword("s3cret");
            try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = encryptor.getDataStream(fs)) {
                workbook.createSheet("models").createRow(0).createCell(0).setCellValue("name");
                workbook.write(out);
            }
            try (OutputStream out = Files.newOutputStream(encrypted)) {
                fs.writeFilesystem(out);
            }
        }

        CsvFileRefused refused = refusal(encrypted);

        assertThat(refused.reason()).isEqualTo("bad-workbook");
        assertThat(refused.getMessage()).startsWith(encrypted.toString()).contains("password")
                .contains("remove the password").doesNotContain("s3cret");
    }

    @Test
    void an_excel_97_2003_workbook_is_told_to_be_saved_as_xlsx() throws IOException {
        Path xls = folder.resolve("old.xls");
        try (HSSFWorkbook workbook = new HSSFWorkbook(); OutputStream out = Files.newOutputStream(xls)) {
            workbook.createSheet("models").createRow(0).createCell(0).setCellValue("name");
            workbook.write(out);
        }

        CsvFileRefused refused = refusal(xls);

        assertThat(refused.reason()).isEqualTo("bad-workbook");
        assertThat(refused.getMessage()).contains("97-2003").contains("save it as an Excel workbook (.xlsx)");
    }

    @Test
    void an_opendocument_spreadsheet_is_told_to_be_saved_as_xlsx() throws IOException {
        Path ods = folder.resolve("calc.ods");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(ods))) {
            ZipEntry mimetype = new ZipEntry("mimetype");
            zip.putNextEntry(mimetype);
            zip.write("application/vnd.oasis.opendocument.spreadsheet".getBytes(StandardCharsets.US_ASCII));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("content.xml"));
            zip.write("<office:document-content/>".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }

        CsvFileRefused refused = refusal(ods);

        assertThat(refused.reason()).isEqualTo("bad-workbook");
        assertThat(refused.getMessage()).contains("OpenDocument").contains("save it as an Excel workbook (.xlsx)");
    }

    @Test
    void a_truncated_workbook_is_refused_as_damaged_or_cut_off() throws IOException {
        byte[] whole = Files.readAllBytes(valid);
        Path truncated = Files.write(folder.resolve("cut.xlsx"), Arrays.copyOf(whole, whole.length / 2));

        CsvFileRefused refused = refusal(truncated);

        assertThat(refused.reason()).isEqualTo("bad-workbook");
        assertThat(refused.getMessage()).contains("damaged or was cut off");
    }

    @Test
    void a_zip_bomb_is_refused_at_once_without_running_out_of_memory() throws IOException {
        Path bomb = folder.resolve("bomb.xlsx");
        // The valid workbook with its sheet made one highly compressible entry: 64 MiB of spaces inside the XML.
        try (ZipFile source = new ZipFile(valid.toFile());
             ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(bomb))) {
            Enumeration<? extends ZipEntry> entries = source.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                zip.putNextEntry(new ZipEntry(entry.getName()));
                if (entry.getName().equals("xl/worksheets/sheet1.xml")) {
                    zip.write(("<?xml version=\"1.0\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/"
                            + "spreadsheetml/2006/main\"><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>")
                            .getBytes(StandardCharsets.UTF_8));
                    byte[] spaces = new byte[1 << 20];
                    Arrays.fill(spaces, (byte) ' ');
                    for (int i = 0; i < 64; i++) {
                        zip.write(spaces);
                    }
                    zip.write("</t></is></c></row></sheetData></worksheet>".getBytes(StandardCharsets.UTF_8));
                } else {
                    try (InputStream in = source.getInputStream(entry)) {
                        in.transferTo(zip);
                    }
                }
                zip.closeEntry();
            }
        }
        assertThat(Files.size(bomb)).isLessThan(1 << 20);

        CsvFileRefused refused = refusal(bomb);

        assertThat(refused.reason()).isEqualTo("bad-workbook");
        assertThat(refused.getMessage()).contains("zip bomb");
    }

    @Test
    void a_csv_file_named_xlsx_is_refused_saying_what_it_is() throws IOException {
        Path renamed = Files.writeString(folder.resolve("models.xlsx"), "name,description\nbert,a model\n");

        CsvFileRefused refused = refusal(renamed);

        assertThat(refused.reason()).isEqualTo("bad-workbook");
        assertThat(refused.getMessage()).contains("not an xlsx workbook").contains("name it .csv");
    }

    @Test
    void an_empty_file_and_a_zip_that_is_no_workbook_are_refused() throws IOException {
        Path empty = Files.write(folder.resolve("empty.xlsx"), new byte[0]);
        Path zip = folder.resolve("other.xlsx");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("readme.txt"));
            out.write("hello".getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }

        assertThat(refusal(empty).reason()).isEqualTo("empty-file");
        assertThat(refusal(zip).reason()).isEqualTo("bad-workbook");
    }
}
