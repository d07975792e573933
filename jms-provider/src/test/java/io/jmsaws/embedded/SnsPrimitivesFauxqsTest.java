package io.jmsaws.embedded;

import io.jmsaws.testing.FauxqsBackend;
import io.jmsaws.testing.TestBackend;

class SnsPrimitivesFauxqsTest extends SnsPrimitivesContract {
    @Override
    protected TestBackend backend() {
        return FauxqsBackend.get();
    }
}
