package io.jmsaws.ra.outbound;

import jakarta.resource.spi.ConnectionRequestInfo;

import java.util.Objects;

/** The user name and password an application passed to createConnection; both null for the adapter's own. */
record Credentials(String user, String password) implements ConnectionRequestInfo {
    static final Credentials NONE = new Credentials(null, null);

    @Override
    public boolean equals(Object o) {
        return o instanceof Credentials c && Objects.equals(c.user, user) && Objects.equals(c.password, password);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(user);
    }

    @Override
    public String toString() {
        return "Credentials[" + (user == null ? "adapter's" : user) + "]"; // never the password
    }
}
