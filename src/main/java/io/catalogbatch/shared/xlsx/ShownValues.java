package io.catalogbatch.shared.xlsx;

import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.ss.usermodel.BuiltinFormats;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;

/**
 * A number cell as the user sees it: formatted with its style's number format ({@link DataFormatter}, so a whole
 * number has no {@code .0} and {@code 1,000} keeps its grouping), except a date, which reads as ISO 8601
 * ({@code 2024-02-29}, with {@code  13:45:00} only when it has a time of day) whatever the locale it was typed in.
 */
final class ShownValues {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);

    /** A style's number format: its index and its format string. */
    private record NumberFormat(int index, String pattern, boolean date) {
    }

    private static final NumberFormat GENERAL = new NumberFormat(0, "General", false);

    private final StylesTable styles;
    private final boolean date1904;
    private final DataFormatter formatter = new DataFormatter(Locale.ROOT);
    private final Map<Integer, NumberFormat> formats = new HashMap<>();

    /** {@code styles} may be null: a workbook without styles shows every number in the General format. */
    ShownValues(StylesTable styles, boolean date1904) {
        this.styles = styles;
        this.date1904 = date1904;
    }

    /** The number {@code raw} (a cell's {@code <v>}) of a cell with the style {@code styleIndex} (-1: none). */
    String number(String raw, int styleIndex) {
        double value;
        try {
            value = Double.parseDouble(raw);
        } catch (NumberFormatException notANumber) {
            return raw;
        }
        NumberFormat format = formatOf(styleIndex);
        if (format.date() && DateUtil.isValidExcelDate(value) && value >= 1) {
            return isoDate(DateUtil.getLocalDateTime(value, date1904));
        }
        if (format.index() == 0 && value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value); // the General format of a whole number, without DataFormatter's cost
        }
        return formatter.formatRawCellContents(value, format.index(), format.pattern(), date1904);
    }

    private static String isoDate(LocalDateTime dateTime) {
        LocalTime time = dateTime.toLocalTime();
        String date = dateTime.toLocalDate().toString();
        return time.equals(LocalTime.MIDNIGHT) ? date : date + " " + TIME.format(time.withNano(0));
    }

    private NumberFormat formatOf(int styleIndex) {
        if (styles == null || styleIndex < 0) {
            return GENERAL;
        }
        return formats.computeIfAbsent(styleIndex, index -> {
            if (index >= styles.getNumCellStyles()) {
                return GENERAL;
            }
            XSSFCellStyle style = styles.getStyleAt(index);
            int formatIndex = style.getDataFormat();
            String pattern = style.getDataFormatString();
            if (pattern == null) {
                pattern = BuiltinFormats.getBuiltinFormat(formatIndex);
            }
            if (pattern == null) {
                return GENERAL;
            }
            return new NumberFormat(formatIndex, pattern, DateUtil.isADateFormat(formatIndex, pattern));
        });
    }
}
