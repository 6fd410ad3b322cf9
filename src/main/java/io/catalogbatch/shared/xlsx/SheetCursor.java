package io.catalogbatch.shared.xlsx;

import io.catalogbatch.shared.csv.CsvFileRefused;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.model.SharedStrings;

/**
 * The rows of one sheet's XML, pulled one at a time (StAX: the sheet is never held whole, and no
 * {@code XSSFSheetXMLHandler}, which the spike found too slow). Each row: its number as the sheet says, its cells
 * as shown ({@link ShownValues}; shared and inline strings, rich text as plain text, phonetic runs left out,
 * booleans {@code TRUE}/{@code FALSE}), and which of its cells hold a formula. Merged cells are listed after the
 * rows in the XML: once the rows are read, a sheet with any is refused ({@link CsvFileRefused#MERGED_CELLS}).
 */
final class SheetCursor implements AutoCloseable {

    /** A row as the sheet holds it; {@code formulas} are the 0-based columns whose cell is a formula. */
    record SheetRow(long number, List<String> cells, List<Integer> formulas) {
    }

    /** A sheet's columns, A to XFD. */
    static final int MAX_COLUMNS = 16_384;

    private final Path file;
    private final String sheet;
    private final InputStream in;
    private final XMLStreamReader xml;
    private final SharedStrings strings;
    private final ShownValues shown;
    private final int rowLimit;
    private final StringBuilder text = new StringBuilder();
    private long lastRow;
    private boolean ended;

    /**
     * @param rowLimit the characters a row's cells may have together: a row beyond it is refused
     *                 ({@code record-too-large}) before it could exhaust memory
     */
    SheetCursor(Path file, String sheet, InputStream in, SharedStrings strings, ShownValues shown, int rowLimit) {
        this.file = file;
        this.sheet = sheet;
        this.in = in;
        this.strings = strings;
        this.shown = shown;
        this.rowLimit = rowLimit;
        try {
            this.xml = XMLHelper.newXMLInputFactory().createXMLStreamReader(in);
        } catch (XMLStreamException e) {
            throw WorkbookPackage.unreadable(file, e);
        }
    }

    /** The next row element (blank or not), or null after the last; refuses a sheet with merged cells at its end. */
    SheetRow next() {
        if (ended) {
            return null;
        }
        try {
            while (xml.hasNext()) {
                if (xml.next() == XMLStreamConstants.START_ELEMENT && "row".equals(xml.getLocalName())) {
                    return row();
                }
                if (xml.getEventType() == XMLStreamConstants.END_ELEMENT && "sheetData".equals(xml.getLocalName())) {
                    ended = true;
                    refuseMergedCells();
                    return null;
                }
            }
            ended = true;
            return null;
        } catch (XMLStreamException | RuntimeException e) {
            ended = true;
            throw WorkbookPackage.unreadable(file, e);
        }
    }

    @Override
    public void close() {
        try {
            xml.close();
            in.close();
        } catch (XMLStreamException | IOException e) {
            // read-only: nothing is lost
        }
    }

    private SheetRow row() throws XMLStreamException {
        String r = xml.getAttributeValue(null, "r");
        long number = r == null ? lastRow + 1 : Long.parseLong(r);
        lastRow = number;
        List<String> cells = new ArrayList<>();
        List<Integer> formulas = List.of();
        long chars = 0;
        int column = -1;
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.END_ELEMENT && "row".equals(xml.getLocalName())) {
                break;
            }
            if (event != XMLStreamConstants.START_ELEMENT || !"c".equals(xml.getLocalName())) {
                continue;
            }
            String ref = xml.getAttributeValue(null, "r");
            column = ref == null ? column + 1 : columnOf(ref);
            if (column < 0 || column >= MAX_COLUMNS) {
                throw WorkbookPackage.refused(file, "is damaged: sheet \"" + sheet + "\" row " + number + " has a cell "
                        + "outside the sheet (" + ref + "). Save it again from your spreadsheet program and import "
                        + "the new file.");
            }
            String type = xml.getAttributeValue(null, "t");
            String style = xml.getAttributeValue(null, "s");
            boolean[] formula = {false};
            String value = cell(type, style == null ? -1 : Integer.parseInt(style), formula, number, rowLimit - chars);
            chars += value.length();
            if (chars > rowLimit) {
                throw tooLarge(number); // a shared string, or cells that are each within the limit
            }
            while (cells.size() < column) {
                cells.add("");
            }
            if (column < cells.size()) {
                cells.set(column, value); // a cell given twice: the later one, as programs read it
            } else {
                cells.add(value);
            }
            if (formula[0]) {
                if (formulas.isEmpty()) {
                    formulas = new ArrayList<>(1);
                }
                formulas.add(column);
            }
        }
        return new SheetRow(number, cells, formulas);
    }

    /** The content of a {@code <c>} element, as shown; marks {@code formula[0]} when it has an {@code <f>}. */
    private String cell(String type, int style, boolean[] formula, long row, long room) throws XMLStreamException {
        String value = null;
        StringBuilder inline = null;
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.END_ELEMENT && "c".equals(xml.getLocalName())) {
                break;
            }
            if (event != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            switch (xml.getLocalName()) {
                case "v" -> value = text(row, room);
                case "f" -> {
                    formula[0] = true;
                    text(row, Integer.MAX_VALUE);
                }
                case "is" -> inline = inlineString(row, room);
                default -> {
                    // extLst and the like: nothing of the value
                }
            }
        }
        if (inline != null) {
            return inline.toString();
        }
        if (value == null) {
            return "";
        }
        return switch (type == null ? "n" : type) {
            case "s" -> sharedString(value, row);
            case "b" -> "1".equals(value.strip()) || "true".equalsIgnoreCase(value.strip()) ? "TRUE" : "FALSE";
            case "n" -> value.isEmpty() ? "" : shown.number(value, style);
            default -> value; // str (a formula's text), e (an error such as #N/A), d (an ISO 8601 date), inlineStr
        };
    }

    /** The text of an {@code <is>}: its runs' {@code <t>} elements, without phonetic runs ({@code <rPh>}). */
    private StringBuilder inlineString(long row, long room) throws XMLStreamException {
        StringBuilder value = new StringBuilder();
        int phonetic = 0;
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.END_ELEMENT) {
                if ("is".equals(xml.getLocalName())) {
                    break;
                }
                if ("rPh".equals(xml.getLocalName())) {
                    phonetic--;
                }
            } else if (event == XMLStreamConstants.START_ELEMENT) {
                if ("rPh".equals(xml.getLocalName())) {
                    phonetic++;
                } else if ("t".equals(xml.getLocalName()) && phonetic == 0) {
                    value.append(text(row, room - value.length()));
                }
            }
        }
        return value;
    }

    /** The text of the current element up to its end tag, refused beyond {@code room} characters. */
    private String text(long row, long room) throws XMLStreamException {
        text.setLength(0);
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.END_ELEMENT) {
                break;
            }
            if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA
                    || event == XMLStreamConstants.SPACE) {
                text.append(xml.getTextCharacters(), xml.getTextStart(), xml.getTextLength());
                if (text.length() > room) {
                    throw tooLarge(row);
                }
            }
        }
        return text.toString();
    }

    private String sharedString(String index, long row) {
        try {
            return strings.getItemAt(Integer.parseInt(index.strip())).getString();
        } catch (RuntimeException missing) {
            throw WorkbookPackage.refused(file, "is damaged: sheet \"" + sheet + "\" row " + row + " refers to a "
                    + "shared text that the workbook does not have. Save it again from your spreadsheet program and "
                    + "import the new file.");
        }
    }

    private CsvFileRefused tooLarge(long row) {
        return new CsvFileRefused(file, CsvFileRefused.RECORD_TOO_LARGE, row, "", String.format(Locale.ROOT,
                "%s sheet \"%s\" row %d: the cells of this row hold more than %,d characters together, far beyond what "
                        + "a spreadsheet cell holds (32,767). Check that this is the right file.", file, sheet, row,
                rowLimit));
    }

    /** Reads on past the rows: a {@code <mergeCell>} refuses the sheet, naming its ranges. */
    private void refuseMergedCells() throws XMLStreamException {
        List<String> ranges = new ArrayList<>();
        while (xml.hasNext()) {
            if (xml.next() == XMLStreamConstants.START_ELEMENT && "mergeCell".equals(xml.getLocalName())) {
                ranges.add(xml.getAttributeValue(null, "ref"));
            }
        }
        if (!ranges.isEmpty()) {
            String shownRanges = String.join(", ", ranges.subList(0, Math.min(ranges.size(), 5)))
                    + (ranges.size() > 5 ? " and " + (ranges.size() - 5) + " more" : "");
            throw new CsvFileRefused(file, CsvFileRefused.MERGED_CELLS, 0, "", String.format(Locale.ROOT,
                    "%s sheet \"%s\" has merged cells (%s): which row a merged value belongs to is not for the import "
                            + "to guess. Unmerge them (select the sheet, then Format > Merge cells > Unmerge), fill "
                            + "in each row's own value, save and import again.", file, sheet, shownRanges));
        }
    }

    /** The 0-based column of a cell reference such as {@code AB12}. */
    static int columnOf(String ref) {
        int column = 0;
        for (int i = 0; i < ref.length(); i++) {
            char c = ref.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                column = column * 26 + (c - 'A' + 1);
            } else if (c >= 'a' && c <= 'z') {
                column = column * 26 + (c - 'a' + 1);
            } else {
                break;
            }
        }
        return column - 1;
    }
}
