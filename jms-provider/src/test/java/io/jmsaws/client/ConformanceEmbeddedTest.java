package io.jmsaws.client;

import io.jmsaws.JmsAwsConnectionFactory;
import io.jmsaws.testing.EmbeddedBackend;
import io.jmsaws.testing.TestBackend;
import jakarta.jms.Connection;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSSecurityException;
import jakarta.jms.JMSSecurityRuntimeException;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConformanceEmbeddedTest extends ConformanceContract {
    private static final EmbeddedBackend BACKEND = new EmbeddedBackend("conformance");

    @Override
    protected TestBackend backend() {
        return BACKEND;
    }

    /** The factory's default identity (user/password options) is what createConnection() and createContext() without arguments use. */
    @Test
    void aFactoryWithADefaultIdentityConnectsWithoutArgumentsAndStillChecksExplicitCredentials() throws Exception {
        String instance = "identity-" + UUID.randomUUID();
        JmsAwsConnectionFactory withDefault = new JmsAwsConnectionFactory("embedded://" + instance + "?users=alice:s3cret,bob:pw&user=alice&password=s3cret");
        try (Connection c = withDefault.createConnection(); JMSContext ctx = withDefault.createContext()) {
            assertThat(c.getMetaData().getJMSProviderName()).isNotBlank();
            assertThat(ctx.createQueue("q")).isNotNull();
        }
        try (Connection c = withDefault.createConnection("bob", "pw")) {
            assertThat(c).isNotNull();
        }
        assertThatThrownBy(() -> withDefault.createConnection("bob", "badpass123")).isInstanceOf(JMSSecurityException.class)
                .hasMessageContaining("bob").hasMessageNotContaining("badpass123");
        JmsAwsConnectionFactory without = new JmsAwsConnectionFactory("embedded://" + instance + "?users=alice:s3cret");
        assertThatThrownBy(without::createConnection).isInstanceOf(JMSSecurityException.class).hasMessageContaining("password options");
        assertThatThrownBy(without::createContext).isInstanceOf(JMSSecurityRuntimeException.class);
        assertThat(withDefault.toString()).doesNotContain("s3cret");
    }
}
