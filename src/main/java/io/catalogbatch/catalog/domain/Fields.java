package io.catalogbatch.catalog.domain;

import io.catalogbatch.shared.domain.InvalidValue;
import io.catalogbatch.shared.domain.ValuePool;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Validation of a model's descriptive fields (SPEC §1 and §8). */
final class Fields {

    static final int MAX_DESCRIPTION = 32_767;
    static final int MAX_LABEL = 100;
    static final int MAX_URL = 2_000;
    private static final ValuePool<String> LABELS = new ValuePool<>(100_000);
    private static final ValuePool<String> DATES = new ValuePool<>(100_000);

    private static final Pattern DATE = Pattern.compile("([0-9]{4})-([0-9]{2})-([0-9]{2})");
    private static final Pattern DATE_TIME = Pattern.compile(
            "([0-9]{4})-([0-9]{2})-([0-9]{2})[Tt ]([0-9]{2}):([0-9]{2}):([0-9]{2})(\\.[0-9]+)?"
                    + "([Zz]|[+-]([0-9]{2}):([0-9]{2}))");

    private Fields() {
    }

    static String description(String raw) {
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (Text.isControl(c) && c != '\t' && c != '\n' && c != '\r') {
                throw new InvalidValue("control-character", "description", String.format(
                        "description contains the control character U+%04X at position %d; remove it", (int) c, i + 1));
            }
        }
        return Text.maxLength(raw, "description", MAX_DESCRIPTION);
    }

    static String label(String raw, String field) {
        return LABELS.get(raw, text -> Text.label(text, field, MAX_LABEL));
    }

    static String url(String raw) {
        String url = Text.trim(raw);
        if (url.isEmpty()) {
            return url;
        }
        Text.maxLength(url, "url", MAX_URL);
        int schemeEnd = url.indexOf("://");
        String scheme = schemeEnd < 0 ? "" : url.substring(0, schemeEnd).toLowerCase(Locale.ROOT);
        boolean valid = (scheme.equals("http") || scheme.equals("https")) && !host(url, schemeEnd + 3).isEmpty();
        for (int i = 0; valid && i < url.length(); i++) {
            char c = url.charAt(i);
            valid = !Text.isWhiteSpace(c) && !Text.isControl(c) && !Text.isBidiControl(c);
        }
        if (!valid) {
            throw new InvalidValue("bad-url", "url", String.format(
                    "url \"%s\" is not an absolute http:// or https:// address with a host and no spaces", url));
        }
        return url;
    }

    private static String host(String url, int start) {
        int end = start;
        while (end < url.length() && "/?#".indexOf(url.charAt(end)) < 0) {
            end++;
        }
        String authority = url.substring(start, end);
        String host = authority.substring(authority.lastIndexOf('@') + 1);
        if (host.startsWith("[")) {
            return host.indexOf(']') > 1 ? host : "";
        }
        int colon = host.indexOf(':');
        return colon < 0 ? host : host.substring(0, colon);
    }

    /** An ISO date or an RFC 3339 date-time, whose date part is kept as written. */
    static String created(String raw) {
        return DATES.get(raw, Fields::date);
    }

    private static String date(String raw) {
        String value = Text.trim(raw);
        if (value.isEmpty()) {
            return value;
        }
        Matcher date = DATE.matcher(value);
        Matcher dateTime = DATE_TIME.matcher(value);
        boolean valid;
        if (date.matches()) {
            valid = realDate(date);
        } else if (dateTime.matches()) {
            valid = realDate(dateTime) && realTime(dateTime);
        } else {
            valid = false;
        }
        if (!valid) {
            throw new InvalidValue("bad-date", "created", String.format(
                    "created \"%s\" is not a date like 2024-01-15 or a date-time like 2024-01-15T12:00:00Z", value));
        }
        return value.substring(0, 10);
    }

    private static boolean realDate(Matcher m) {
        try {
            LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }

    private static boolean realTime(Matcher m) {
        boolean time = Integer.parseInt(m.group(4)) <= 23 && Integer.parseInt(m.group(5)) <= 59
                && Integer.parseInt(m.group(6)) <= 60;
        boolean offset = m.group(9) == null
                || (Integer.parseInt(m.group(9)) <= 23 && Integer.parseInt(m.group(10)) <= 59);
        return time && offset;
    }
}
