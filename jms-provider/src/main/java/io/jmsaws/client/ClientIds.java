package io.jmsaws.client;

import jakarta.jms.InvalidClientIDException;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The client ids in use by the connections of this class loader, per backend: the spec forbids two
 * connections with one id (6.1.2). SQS keeps no such state, so across processes it is not checked
 * (the README says so).
 */
final class ClientIds {
    private static final Set<String> ACTIVE = ConcurrentHashMap.newKeySet();

    private ClientIds() {
    }

    /** Takes {@code id} for a connection to {@code backend}, or refuses it when another connection has it. */
    static void register(String backend, String id) throws InvalidClientIDException {
        if (!ACTIVE.add(backend + "|" + id)) {
            throw new InvalidClientIDException("client id '" + id + "' is already in use by another connection to " + backend + " in this JVM");
        }
    }

    static void release(String backend, String id) {
        ACTIVE.remove(backend + "|" + id);
    }

    /** Forgets every id: the resource adapter stops, and the connections of its class loader are gone. */
    static void clear() {
        ACTIVE.clear();
    }
}
