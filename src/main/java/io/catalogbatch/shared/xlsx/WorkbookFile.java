package io.catalogbatch.shared.xlsx;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.poi.UnsupportedFileFormatException;
import org.apache.poi.ooxml.POIXMLException;
import org.apache.poi.openxml4j.exceptions.InvalidOperationException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.opc.PackageRelationshipCollection;
import org.apache.poi.openxml4j.opc.PackageRelationshipTypes;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.usermodel.XSSFRelation;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * An input file that is an xlsx workbook by its bytes, whatever its name: a zip whose main part is an OOXML
 * spreadsheet. Knows its sheets' names and reads the text of a sheet's first cell (a mark such as an export's
 * {@code about} sheet), as a stream: neither a sheet nor the shared strings are loaded whole. POI's limits on
 * decompression apply (a zip bomb is not a workbook here).
 */
public final class WorkbookFile {

    private static final Set<String> WORKBOOK_TYPES = Set.of(XSSFRelation.WORKBOOK.getContentType(),
            XSSFRelation.MACROS_WORKBOOK.getContentType());

    private final Path file;
    private final List<String> sheets;

    private WorkbookFile(Path file, List<String> sheets) {
        this.file = file;
        this.sheets = List.copyOf(sheets);
    }

    /** The workbook, or empty when the file is none (a CSV, an {@code .xls}, an encrypted or broken file). */
    public static Optional<WorkbookFile> open(Path file) throws IOException {
        try (InputStream in = FileMagic.prepareToCheckMagic(Files.newInputStream(file))) {
            if (FileMagic.valueOf(in) != FileMagic.OOXML) {
                return Optional.empty();
            }
        }
        try {
            return read(file, reader -> {
                if (!WORKBOOK_TYPES.contains(mainPart(reader.pkg).getContentType())) {
                    return Optional.<WorkbookFile>empty();
                }
                List<String> names = new ArrayList<>();
                XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.xssf.getSheetsData();
                while (sheets.hasNext()) {
                    sheets.next().close();
                    names.add(sheets.getSheetName());
                }
                return names.isEmpty() ? Optional.<WorkbookFile>empty() : Optional.of(new WorkbookFile(file, names));
            });
        } catch (IOException | OpenXML4JException | POIXMLException | UnsupportedFileFormatException
                 | InvalidOperationException | SAXException e) {
            return Optional.empty(); // a zip, but not one POI reads as a workbook
        }
    }

    /** The sheets' names, in the workbook's order. */
    public List<String> sheets() {
        return sheets;
    }

    /** The text of the sheet's cell A1 ({@code ""} when it is empty or there is no such sheet). */
    public String firstCell(String sheet) throws IOException {
        try {
            return read(file, reader -> {
                XSSFReader.SheetIterator each = (XSSFReader.SheetIterator) reader.xssf.getSheetsData();
                while (each.hasNext()) {
                    try (InputStream xml = each.next()) {
                        if (each.getSheetName().equals(sheet)) {
                            FirstCell first = new FirstCell();
                            parse(xml, first);
                            return first.shared < 0 ? first.text.toString() : sharedString(reader, first.shared);
                        }
                    }
                }
                return "";
            });
        } catch (OpenXML4JException | POIXMLException | SAXException e) {
            throw new IOException("cannot read the sheet " + sheet + " of " + file + ": " + e.getMessage(), e);
        }
    }

    private interface Reading<T> {
        T read(Opened opened) throws IOException, OpenXML4JException, SAXException;
    }

    private record Opened(OPCPackage pkg, XSSFReader xssf) {
    }

    /** Opens the package read-only and gives it back unchanged ({@code revert}: closing would try to save it). */
    private static <T> T read(Path file, Reading<T> reading) throws IOException, OpenXML4JException, SAXException {
        OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ);
        try {
            return reading.read(new Opened(pkg, new XSSFReader(pkg)));
        } finally {
            pkg.revert();
        }
    }

    private static PackagePart mainPart(OPCPackage pkg) throws OpenXML4JException {
        PackageRelationshipCollection main = pkg.getRelationshipsByType(PackageRelationshipTypes.CORE_DOCUMENT);
        if (main.size() == 0) {
            throw new OpenXML4JException("no main part");
        }
        return pkg.getPart(main.getRelationship(0));
    }

    private static String sharedString(Opened reader, int index) throws IOException, SAXException {
        try (InputStream xml = reader.xssf.getSharedStringsData()) {
            SharedString found = new SharedString(index);
            parse(xml, found);
            return found.text.toString();
        } catch (OpenXML4JException | POIXMLException noTable) {
            return "";
        }
    }

    private static void parse(InputStream xml, DefaultHandler handler) throws IOException, SAXException {
        try {
            XMLReader reader = XMLHelper.newXMLReader();
            reader.setContentHandler(handler);
            reader.parse(new InputSource(xml));
        } catch (Found done) {
            // the handler has what it came for
        } catch (ParserConfigurationException e) {
            throw new IOException(e);
        }
    }

    /** Ends a parse early: what was looked for is found. */
    private static final class Found extends SAXException {
        Found() {
            super("found");
        }
    }

    /** The first cell of the first row when it is A1: its text, or the index of its shared string. */
    private static final class FirstCell extends DefaultHandler {
        final StringBuilder text = new StringBuilder();
        int shared = -1;
        private boolean sharedType;
        private boolean inValue;
        private boolean inPhonetic;

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes)
                throws SAXException {
            switch (localName) {
                case "c" -> {
                    String ref = attributes.getValue("r");
                    if (ref != null && !ref.equals("A1")) {
                        throw new Found(); // A1 is empty
                    }
                    sharedType = "s".equals(attributes.getValue("t"));
                }
                case "v", "t" -> inValue = true;
                case "rPh" -> inPhonetic = true;
                default -> {
                }
            }
        }

        @Override
        public void endElement(String uri, String localName, String qName) throws SAXException {
            switch (localName) {
                case "v", "t" -> inValue = false;
                case "rPh" -> inPhonetic = false;
                case "c", "row" -> {
                    if (sharedType) {
                        shared = Integer.parseInt(text.toString().trim());
                    }
                    throw new Found();
                }
                default -> {
                }
            }
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (inValue && !inPhonetic) {
                text.append(ch, start, length);
            }
        }
    }

    /** The text of the shared string at an index (its runs joined, phonetic guides left out). */
    private static final class SharedString extends DefaultHandler {
        final StringBuilder text = new StringBuilder();
        private final int index;
        private int item = -1;
        private boolean inText;
        private boolean inPhonetic;

        SharedString(int index) {
            this.index = index;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) {
            switch (localName) {
                case "si" -> item++;
                case "t" -> inText = item == index;
                case "rPh" -> inPhonetic = true;
                default -> {
                }
            }
        }

        @Override
        public void endElement(String uri, String localName, String qName) throws SAXException {
            switch (localName) {
                case "t" -> inText = false;
                case "rPh" -> inPhonetic = false;
                case "si" -> {
                    if (item == index) {
                        throw new Found();
                    }
                }
                default -> {
                }
            }
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (inText && !inPhonetic) {
                text.append(ch, start, length);
            }
        }
    }
}
