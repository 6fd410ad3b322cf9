package io.catalogbatch.catalog.domain;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Text a spreadsheet program reads as a date, and the forms it writes a date back in: {@code 2024-02-29} as
 * {@code 2024/02/29}, {@code 02/29/2024}, {@code 29.02.2024}, with a time of midnight, or as the serial number of
 * the day ({@code 45351}: days since 1899-12-30, as Excel, Calc and Gnumeric count them). {@code 1/2} (no year)
 * is a day of some year.
 */
final class SpreadsheetDates {

    private static final LocalDate DAY_ZERO = LocalDate.of(1899, 12, 30);
    private static final String MIDNIGHT = "(?:[ T]0?0:00(?::00(?:\\.0+)?)?)?";
    private static final Pattern YEAR_FIRST = Pattern.compile(
            "([0-9]{4})([-/.])([0-9]{1,2})\\2([0-9]{1,2})" + MIDNIGHT);
    private static final Pattern YEAR_LAST = Pattern.compile(
            "([0-9]{1,2})([-/.])([0-9]{1,2})\\2([0-9]{4}|[0-9]{2})" + MIDNIGHT);
    private static final Pattern NO_YEAR = Pattern.compile("([0-9]{1,2})[-/.]([0-9]{1,2})");
    private static final Pattern SERIAL = Pattern.compile("([0-9]{1,6})(?:\\.0+)?");

    private SpreadsheetDates() {
    }

    /** Whether a program reads the stored text as a date and the cell is that date as a program writes it. */
    static boolean same(String stored, String cell) {
        String was = stored.strip();
        Set<MonthDay> days = daysOfYear(was);
        Set<LocalDate> dates = datesOf(was);
        if (dates.isEmpty() && days.isEmpty()) {
            return false;
        }
        Set<LocalDate> written = datesOf(cell.strip());
        Matcher serial = SERIAL.matcher(cell.strip());
        if (serial.matches()) {
            written.add(DAY_ZERO.plusDays(Long.parseLong(serial.group(1))));
        }
        for (LocalDate date : written) {
            if (dates.contains(date) || days.contains(MonthDay.from(date))) {
                return true;
            }
        }
        return false;
    }

    /** The dates a text may mean, written with a year (day and month in either order). */
    private static Set<LocalDate> datesOf(String text) {
        Set<LocalDate> dates = new HashSet<>();
        Matcher m = YEAR_FIRST.matcher(text);
        if (m.matches()) {
            add(dates, Integer.parseInt(m.group(1)), Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)));
        }
        m = YEAR_LAST.matcher(text);
        if (m.matches()) {
            int a = Integer.parseInt(m.group(1));
            int b = Integer.parseInt(m.group(3));
            for (int year : years(m.group(4))) {
                add(dates, year, a, b);
                add(dates, year, b, a);
            }
        }
        return dates;
    }

    /** The days of a year a text without a year may mean: {@code 1/2} is January 2 or February 1. */
    private static Set<MonthDay> daysOfYear(String text) {
        Set<MonthDay> days = new HashSet<>();
        Matcher m = NO_YEAR.matcher(text);
        if (m.matches()) {
            int a = Integer.parseInt(m.group(1));
            int b = Integer.parseInt(m.group(2));
            addDay(days, a, b);
            addDay(days, b, a);
        }
        return days;
    }

    private static int[] years(String year) {
        int y = Integer.parseInt(year);
        return year.length() == 4 ? new int[] {y} : new int[] {1900 + y, 2000 + y};
    }

    private static void add(Set<LocalDate> dates, int year, int month, int day) {
        try {
            dates.add(LocalDate.of(year, month, day));
        } catch (DateTimeException notADate) {
            // not this reading
        }
    }

    private static void addDay(Set<MonthDay> days, int month, int day) {
        try {
            days.add(MonthDay.of(month, day));
        } catch (DateTimeException notADay) {
            // not this reading
        }
    }
}
