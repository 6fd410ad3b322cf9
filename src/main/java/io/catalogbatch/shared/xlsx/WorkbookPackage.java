package io.catalogbatch.shared.xlsx;

import io.catalogbatch.shared.csv.CsvFileRefused;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.XSSFReader;

/**
 * An xlsx file opened for streaming with POI's package layer (never the whole workbook in memory): its sheets by
 * name, its date system and its parts. What is not a readable xlsx workbook is refused at once, in the user's
 * words ({@link CsvFileRefused#BAD_WORKBOOK}): an empty file, a text file named {@code .xlsx}, an Excel 97-2003
 * workbook, a password-protected workbook, an OpenDocument spreadsheet, a damaged or cut-off zip, a zip bomb.
 */
final class WorkbookPackage implements AutoCloseable {

    /** Below this ratio of compressed to expanded size, an entry is a zip bomb (POI's default, made explicit). */
    static final double MIN_INFLATE_RATIO = 0.01;
    /** No part of a workbook may expand beyond 4 GiB (a 1M-row sheet of our export is under 1 GB). */
    static final long MAX_ENTRY_SIZE = 0xFFFFFFFFL;

    private static final String SAVE_AS_XLSX = "Open it in your spreadsheet program and save it as an Excel workbook "
            + "(.xlsx), then import that file";

    static {
        ZipSecureFile.setMinInflateRatio(MIN_INFLATE_RATIO);
        ZipSecureFile.setMaxEntrySize(MAX_ENTRY_SIZE);
    }

    /** A sheet as the workbook lists it: its name and the relationship that leads to its part. */
    record SheetRef(String name, String relationId) {
    }

    private final Path file;
    private final OPCPackage opc;
    private final XSSFReader reader;
    private final List<SheetRef> sheets;
    private final boolean date1904;

    private WorkbookPackage(Path file, OPCPackage opc, XSSFReader reader, List<SheetRef> sheets, boolean date1904) {
        this.file = file;
        this.opc = opc;
        this.reader = reader;
        this.sheets = List.copyOf(sheets);
        this.date1904 = date1904;
    }

    static WorkbookPackage open(Path file) throws IOException {
        refuseWhatIsNoXlsx(file);
        OPCPackage opc;
        try {
            opc = OPCPackage.open(file.toFile(), PackageAccess.READ);
        } catch (Exception | LinkageError unreadable) {
            throw unreadable(file, unreadable);
        }
        try {
            XSSFReader reader = new XSSFReader(opc);
            List<SheetRef> sheets = new ArrayList<>();
            boolean date1904;
            try (InputStream workbook = reader.getWorkbookData()) {
                date1904 = readSheetList(workbook, sheets);
            }
            if (sheets.isEmpty()) {
                throw refused(file, "has no sheet. " + SAVE_AS_XLSX + ".");
            }
            return new WorkbookPackage(file, opc, reader, sheets, date1904);
        } catch (CsvFileRefused refusal) {
            opc.revert();
            throw refusal;
        } catch (Exception | LinkageError unreadable) {
            opc.revert();
            throw unreadable(file, unreadable);
        }
    }

    Path file() {
        return file;
    }

    OPCPackage opc() {
        return opc;
    }

    XSSFReader reader() {
        return reader;
    }

    boolean date1904() {
        return date1904;
    }

    /** The sheet of that name (compared as spreadsheet programs do: ignoring case), if there is one. */
    Optional<SheetRef> sheet(String name) {
        return sheets.stream().filter(sheet -> sheet.name().equalsIgnoreCase(name)).findFirst();
    }

    SheetRef firstSheet() {
        return sheets.get(0);
    }

    /** The XML of a sheet, streamed from the zip (a zip bomb is refused while it is read). */
    InputStream sheetData(SheetRef sheet) {
        try {
            return reader.getSheet(sheet.relationId());
        } catch (Exception unreadable) {
            throw unreadable(file, unreadable);
        }
    }

    @Override
    public void close() {
        opc.revert(); // read-only: nothing to save
    }

    /** What reading a part threw, in the user's words: a zip bomb, or a damaged file. */
    static CsvFileRefused unreadable(Path file, Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = next(cause)) {
            if (cause instanceof CsvFileRefused refusal) {
                return refusal;
            }
            String message = String.valueOf(cause.getMessage());
            if (message.contains("Zip bomb detected")) {
                return refused(file, "expands to far more data than its size (more than 100 times: a \"zip bomb\"), "
                        + "so it was not read. If it is a real workbook of very repetitive rows, save its sheet as "
                        + "\"CSV UTF-8\" and import that file.");
            }
        }
        return refused(file, "is not a complete xlsx workbook: it is damaged or was cut off (copy it again), or it is "
                + "another kind of ZIP archive. " + SAVE_AS_XLSX + ".");
    }

    static CsvFileRefused refused(Path file, String what) {
        return new CsvFileRefused(file, CsvFileRefused.BAD_WORKBOOK, 0, "", file + " " + what);
    }

    private static Throwable next(Throwable failure) {
        if (failure instanceof XMLStreamException xml && xml.getNestedException() != null
                && xml.getNestedException() != failure) {
            return xml.getNestedException();
        }
        return failure.getCause() == failure ? null : failure.getCause();
    }

    /** The signatures that are no xlsx: refused before POI opens the file. */
    private static void refuseWhatIsNoXlsx(Path file) throws IOException {
        if (Files.size(file) == 0) {
            throw new CsvFileRefused(file, CsvFileRefused.EMPTY_FILE, 0, "", file + " is empty (0 bytes). Save the "
                    + "workbook again and import the new file.");
        }
        FileMagic magic;
        try (InputStream in = FileMagic.prepareToCheckMagic(Files.newInputStream(file))) {
            magic = FileMagic.valueOf(in);
        }
        if (magic == FileMagic.OOXML) {
            refuseWhatIsNoOfficeZip(file);
            return;
        }
        if (magic == FileMagic.OLE2) {
            throw oldOfficeFile(file);
        }
        throw refused(file, "is not an xlsx workbook: it does not start as one (a CSV file named .xlsx?). If it "
                + "is a CSV file, name it .csv and import that; otherwise open it in your spreadsheet program and save "
                + "it as an Excel workbook (.xlsx).");
    }

    /**
     * A zip whose directory cannot be read (cut off: POI would fall back to reading it as a stream, whole, and
     * might import what came before the cut), an OpenDocument spreadsheet, or a zip with no Office content.
     */
    private static void refuseWhatIsNoOfficeZip(Path file) {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            ZipEntry mimetype = zip.getEntry("mimetype");
            if (mimetype != null && mimetype.getSize() < 200) {
                try (InputStream in = zip.getInputStream(mimetype)) {
                    String type = new String(in.readNBytes(200), StandardCharsets.US_ASCII);
                    if (type.startsWith("application/vnd.oasis.opendocument")) {
                        throw refused(file, "is an OpenDocument spreadsheet (.ods), not an xlsx workbook. "
                                + SAVE_AS_XLSX + ".");
                    }
                }
            }
            if (zip.getEntry("[Content_Types].xml") == null) {
                throw unreadable(file, new IOException("no [Content_Types].xml"));
            }
        } catch (IOException damaged) {
            throw unreadable(file, damaged);
        }
    }

    /** An OLE2 file: a password-protected xlsx (an encrypted package in OLE2) or a 97-2003 workbook. */
    private static CsvFileRefused oldOfficeFile(Path file) {
        boolean encrypted;
        try (POIFSFileSystem fs = new POIFSFileSystem(file.toFile(), true)) {
            encrypted = fs.getRoot().hasEntry("EncryptionInfo");
        } catch (IOException | RuntimeException damaged) {
            encrypted = false;
        }
        if (encrypted) {
            return refused(file, "is protected by a password, so it cannot be read. Open it in your spreadsheet "
                    + "program, remove the password (Excel: File > Info > Protect Workbook > Encrypt with Password, "
                    + "empty the password; LibreOffice: Save As with \"Save with password\" unticked), save it as "
                    + ".xlsx and import that file.");
        }
        return refused(file, "is an Excel 97-2003 workbook (.xls) or another old Office file, not an xlsx workbook. "
                + SAVE_AS_XLSX + ".");
    }

    /** Reads {@code xl/workbook.xml}: the sheets in their order into {@code sheets}; returns the 1904 date system. */
    private static boolean readSheetList(InputStream workbook, List<SheetRef> sheets) throws XMLStreamException {
        XMLStreamReader xml = XMLHelper.newXMLInputFactory().createXMLStreamReader(workbook);
        boolean date1904 = false;
        try {
            while (xml.hasNext()) {
                if (xml.next() != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                String element = xml.getLocalName();
                if ("workbookPr".equals(element)) {
                    String value = xml.getAttributeValue(null, "date1904");
                    date1904 = "1".equals(value) || "true".equalsIgnoreCase(value);
                } else if ("sheet".equals(element)) {
                    sheets.add(new SheetRef(xml.getAttributeValue(null, "name"), relationId(xml)));
                }
            }
        } finally {
            xml.close();
        }
        return date1904;
    }

    /** The {@code r:id} attribute, whichever namespace (transitional or strict OOXML) names it. */
    private static String relationId(XMLStreamReader xml) {
        for (int i = 0; i < xml.getAttributeCount(); i++) {
            String namespace = xml.getAttributeNamespace(i);
            if ("id".equals(xml.getAttributeLocalName(i)) && namespace != null && !namespace.isEmpty()) {
                return xml.getAttributeValue(i);
            }
        }
        return "";
    }
}
