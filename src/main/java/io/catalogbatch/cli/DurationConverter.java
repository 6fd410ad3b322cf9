package io.catalogbatch.cli;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** A duration on the command line: {@code 500ms}, {@code 30s}, {@code 5m}, {@code 1h}, {@code 0}, or ISO {@code PT30S}. */
final class DurationConverter implements ITypeConverter<Duration> {

    private static final Pattern AMOUNT = Pattern.compile("(\\d+)\\s*(ms|s|m|h)?");

    @Override
    public Duration convert(String value) {
        String text = value.strip().toLowerCase(Locale.ROOT);
        Matcher amount = AMOUNT.matcher(text);
        if (amount.matches()) {
            long number = Long.parseLong(amount.group(1));
            String unit = amount.group(2) == null ? (number == 0 ? "s" : "") : amount.group(2);
            switch (unit) {
                case "ms":
                    return Duration.ofMillis(number);
                case "s":
                    return Duration.ofSeconds(number);
                case "m":
                    return Duration.ofMinutes(number);
                case "h":
                    return Duration.ofHours(number);
                default:
                    break;
            }
        }
        try {
            Duration iso = Duration.parse(value.strip().toUpperCase(Locale.ROOT));
            if (!iso.isNegative()) {
                return iso;
            }
        } catch (DateTimeParseException notIso) {
            // the message below says what is accepted
        }
        throw new TypeConversionException("'" + value + "' is not a duration; write it like 500ms, 30s, 5m or 1h");
    }
}
