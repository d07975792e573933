package io.jmsaws.it;

import org.jboss.as.controller.client.ModelControllerClient;
import org.jboss.as.controller.client.helpers.Operations;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The operator the demo and the console test sign in as: a user of WildFly's ApplicationRealm
 * (what {@code bin/add-user.sh -a -u operator -p … -g jmsaws-operator} writes) with the console's role.
 */
final class ConsoleUser {
    static final String NAME = "operator";
    static final String PASSWORD = "operator-demo-1";
    static final String ROLE = "jmsaws-operator";
    /** A user of the same realm without the role (the tests show it is refused). */
    static final String VISITOR = "visitor";

    private ConsoleUser() {
    }

    /** Writes the user and its role into the server's properties files (once). */
    static void write(Path jbossHome) throws IOException {
        Path configuration = jbossHome.resolve("standalone/configuration");
        // the properties realm stores HEX(MD5(user:realm:password))
        append(configuration.resolve("application-users.properties"), NAME + "=" + md5(NAME + ":ApplicationRealm:" + PASSWORD));
        append(configuration.resolve("application-roles.properties"), NAME + "=" + ROLE);
        append(configuration.resolve("application-users.properties"), VISITOR + "=" + md5(VISITOR + ":ApplicationRealm:" + PASSWORD));
    }

    /** Writes the user and makes a running server read the files again. */
    static void writeAndReload(Path jbossHome, ModelControllerClient client) throws IOException {
        write(jbossHome);
        ServerConfig.execute(client, Operations.createOperation("load",
                Operations.createAddress("subsystem", "elytron", "properties-realm", "ApplicationRealm")));
    }

    private static void append(Path file, String line) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        String key = line.substring(0, line.indexOf('=') + 1);
        if (lines.stream().anyMatch(l -> l.startsWith(key))) return;
        Files.writeString(file, System.lineSeparator() + line + System.lineSeparator(), StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    }

    private static String md5(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
