package io.jmsaws.embedded;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The embedded backend's S3: buckets of objects in memory, one set per embedded instance name, so
 * that offloaded message bodies (payloadBucket) need no S3 in users' tests. Any bucket name works;
 * a bucket is created on first use.
 */
public final class EmbeddedS3 {
    private static final Map<String, EmbeddedS3> INSTANCES = new ConcurrentHashMap<>();

    private final Map<String, Map<String, byte[]>> buckets = new ConcurrentHashMap<>();

    public static EmbeddedS3 instance(String name) {
        return INSTANCES.computeIfAbsent(name, n -> new EmbeddedS3());
    }

    /** Forgets every instance (the adapter's stop, tests). */
    public static void shutdownAll() {
        INSTANCES.clear();
    }

    void put(String bucket, String key, byte[] bytes) {
        buckets.computeIfAbsent(bucket, b -> new ConcurrentHashMap<>()).put(key, bytes);
    }

    byte[] get(String bucket, String key) {
        Map<String, byte[]> b = buckets.get(bucket);
        return b == null ? null : b.get(key);
    }

    void delete(String bucket, String key) {
        Map<String, byte[]> b = buckets.get(bucket);
        if (b != null) b.remove(key);
    }

    /** How many objects a bucket holds under a key prefix (tests). */
    public int objectCount(String bucket, String keyPrefix) {
        Map<String, byte[]> b = buckets.get(bucket);
        return b == null ? 0 : (int) b.keySet().stream().filter(k -> k.startsWith(keyPrefix)).count();
    }

    /** Whether an object exists (tests). */
    public boolean exists(String bucket, String key) {
        return get(bucket, key) != null;
    }

    public EmbeddedS3AsyncClient client() {
        return new EmbeddedS3AsyncClient(this);
    }
}
