package io.catalogbatch.shared.jdbc;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The secrets a location may carry ({@code jdbc:postgresql://h/db?user=u&password=s}, {@code ...;PASSWORD=s} in
 * H2, {@code amqp://user:s@host}) and the same location with each of them shown as {@value #MASK}: what a console,
 * a report, a log or the job repository may hold of it.
 */
public final class UrlSecrets {

    public static final String MASK = "***";

    /**
     * {@code scheme://user:secret@host}: the secret of the user information, up to the last {@code @} before the
     * path (an {@code @} typed in a password, unescaped, is common).
     */
    private static final Pattern USER_INFO = Pattern.compile("(://[^/?#@:;]*):([^/?#]*)@");

    /** A parameter whose name says it holds a secret, in a query ({@code ?&}) or in H2's settings ({@code ;}). */
    private static final Pattern SECRET_PARAMETER = Pattern.compile(
            "(?i)([?&;][\\w.-]*(?:password|passwd|pwd|secret|token)[\\w.-]*=)([^&;#]*)");

    /**
     * The same in a text that quotes a location among other words (a log line, a message): the value also ends
     * where the location does (a blank, a quote, a bracket), so that the words after it stay readable.
     */
    private static final Pattern SECRET_PARAMETER_IN_TEXT = Pattern.compile(
            "(?i)([?&;][\\w.-]*(?:password|passwd|pwd|secret|token)[\\w.-]*=)([^&;#\\s'\",)\\]}]*)");

    /**
     * The secrets of every location this process was given ({@link #given}): a failure's message may quote one
     * (a driver naming the URL it could not use) far from where the location is known.
     */
    private static final Set<String> GIVEN = ConcurrentHashMap.newKeySet();

    private UrlSecrets() {
    }

    /** Remembers the secrets of a location the user gave, so that {@link #scrubbed(String)} hides them. */
    public static void given(String location) {
        GIVEN.addAll(secretsOf(location));
    }

    /**
     * Forgets the secrets given so far: for a process that runs one command after another (the tests), so that one
     * command's password (a plain word, say) does not blank that word out of the next command's messages.
     */
    public static void forgetGiven() {
        GIVEN.clear();
    }

    /** Remembers a secret given outside a location (an environment variable), for {@link #scrubbed(String)}. */
    public static void givenSecret(String secret) {
        if (!secret.isEmpty()) {
            GIVEN.add(secret);
        }
    }

    /**
     * {@code text} with every secret given to this process replaced by {@value #MASK}, and any location in it
     * that carries a secret {@link #masked}: for a failure's message, a stack trace, a log line.
     */
    public static String scrubbed(String text) {
        if (text == null) {
            return null;
        }
        String result = text;
        for (String secret : GIVEN) {
            result = result.replace(secret, MASK);
        }
        result = USER_INFO.matcher(result).replaceAll(m -> Matcher.quoteReplacement(
                m.group(1) + (m.group(2).isEmpty() ? "" : ":" + MASK) + "@"));
        return SECRET_PARAMETER_IN_TEXT.matcher(result).replaceAll(m -> Matcher.quoteReplacement(
                m.group(1) + (m.group(2).isEmpty() ? "" : MASK)));
    }

    /** The location with every secret replaced by {@value #MASK}; a location without one comes back unchanged. */
    public static String masked(String location) {
        String withoutUserInfo = USER_INFO.matcher(location).replaceAll(m -> Matcher.quoteReplacement(
                m.group(1) + (m.group(2).isEmpty() ? "" : ":" + MASK) + "@"));
        return SECRET_PARAMETER.matcher(withoutUserInfo).replaceAll(m -> Matcher.quoteReplacement(
                m.group(1) + (m.group(2).isEmpty() ? "" : MASK)));
    }

    /** The secrets' texts as they stand in the location (to scrub them from a message that quotes it). */
    public static List<String> secretsOf(String location) {
        List<String> secrets = new ArrayList<>();
        Matcher userInfo = USER_INFO.matcher(location);
        while (userInfo.find()) {
            secrets.add(userInfo.group(2));
        }
        Matcher parameter = SECRET_PARAMETER.matcher(location);
        while (parameter.find()) {
            secrets.add(parameter.group(2));
        }
        secrets.removeIf(String::isEmpty);
        return secrets;
    }

    /** {@code text} with every secret of {@code location} replaced by {@value #MASK}, wherever it appears. */
    public static String scrubbed(String text, String location) {
        String result = text;
        for (String secret : secretsOf(location)) {
            result = result.replace(secret, MASK);
        }
        return result;
    }
}
