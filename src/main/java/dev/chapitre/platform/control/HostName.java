package dev.chapitre.platform.control;

import java.io.IOException;
import java.net.InetAddress;
import java.util.Optional;

/** This machine's name, for what instances on one machine share and instances on others must not. */
public final class HostName {

    private HostName() {
    }

    public static String ofThisMachine() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return Optional.ofNullable(System.getenv("HOSTNAME")).orElse("localhost");
        }
    }
}
