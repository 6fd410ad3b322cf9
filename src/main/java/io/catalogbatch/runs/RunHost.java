package io.catalogbatch.runs;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** The name of the machine a run goes on, as {@code history} shows it. */
public final class RunHost {

    private RunHost() {
    }

    /** The local host's name; its address when it has no name; {@code unknown} when neither can be had. */
    public static String name() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            String fromEnvironment = System.getenv("HOSTNAME");
            return fromEnvironment == null || fromEnvironment.isBlank() ? "unknown" : fromEnvironment;
        }
    }
}
