package io.jmsaws.embedded;

import io.jmsaws.testing.EmbeddedBackend;
import io.jmsaws.testing.TestBackend;

class SqsPrimitivesEmbeddedTest extends SqsPrimitivesContract {
    private static final EmbeddedBackend BACKEND = new EmbeddedBackend("primitives");

    @Override
    protected TestBackend backend() {
        return BACKEND;
    }
}
