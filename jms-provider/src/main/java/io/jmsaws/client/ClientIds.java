package io.jmsaws.client;

import io.jmsaws.util.ClassLoaderState;
import jakarta.jms.InvalidClientIDException;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The client ids in use by the connections of this class loader, per backend: the spec forbids two
 * connections with one id (6.1.2). SQS keeps no such state, so across processes it is not checked
 * (the README says so).
 */
final class ClientIds {
    /** The ids in use, as "backend|id", kept in {@link ClassLoaderState}. */
    private static Set<String> active() {
        return ClassLoaderState.of(ClientIds.class, ConcurrentHashMap::newKeySet);
    }

    private ClientIds() {
    }

    /** Takes {@code id} for a connection to {@code backend}, or refuses it when another connection has it. */
    static void register(String backend, String id) throws InvalidClientIDException {
        if (!active().add(backend + "|" + id)) {
            throw new InvalidClientIDException("client id '" + id + "' is already in use by another connection to " + backend + " in this JVM");
        }
    }

    static void release(String backend, String id) {
        active().remove(backend + "|" + id);
    }
}
