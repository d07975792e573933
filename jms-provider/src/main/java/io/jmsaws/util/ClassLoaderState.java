package io.jmsaws.util;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Every piece of state the provider keeps beyond one connection, in one place per class loader:
 * the client ids in use, the consumers of durable and shared subscriptions, the shared SDK clients,
 * the last sweep per backend, the transports still stopping, the embedded backend's instances. A
 * container that unloads the provider (a resource adapter being stopped) drops it all with
 * {@link #drop}, after its connections have closed and their threads have stopped.
 */
public final class ClassLoaderState {
    /** By the class that owns the state. */
    private static final Map<Class<?>, Object> STATE = new ConcurrentHashMap<>();

    private ClassLoaderState() {
    }

    /** The state {@code owner} keeps, made by {@code create} on first use. */
    @SuppressWarnings("unchecked")
    public static <T> T of(Class<?> owner, Supplier<T> create) {
        return (T) STATE.computeIfAbsent(owner, k -> create.get());
    }

    /** Forgets all of it: what is asked for afterwards starts empty. */
    public static void drop() {
        STATE.clear();
    }

    /** How many owners keep state now. */
    public static int owners() {
        return STATE.size();
    }
}
