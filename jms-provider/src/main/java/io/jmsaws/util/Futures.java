package io.jmsaws.util;

import java.util.concurrent.CompletableFuture;

/** CompletableFuture does not pass a cancellation back to the future it was derived from; this does. */
public final class Futures {
    private Futures() {
    }

    public static <T> CompletableFuture<T> cancellingSource(CompletableFuture<?> source, CompletableFuture<T> derived) {
        derived.whenComplete((r, e) -> {
            if (derived.isCancelled()) source.cancel(true);
        });
        return derived;
    }
}
