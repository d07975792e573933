package io.jmsaws.jndi;

import io.jmsaws.JmsAwsConnectionFactory;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.Queue;
import jakarta.jms.Topic;
import org.junit.jupiter.api.Test;

import javax.naming.Context;
import javax.naming.InitialContext;
import javax.naming.NameNotFoundException;
import javax.naming.NamingException;
import java.util.Hashtable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JndiTest {
    private static InitialContext context(String... keyValues) throws NamingException {
        Hashtable<String, String> env = new Hashtable<>();
        env.put(Context.INITIAL_CONTEXT_FACTORY, JmsAwsInitialContextFactory.class.getName());
        for (int i = 0; i < keyValues.length; i += 2) env.put(keyValues[i], keyValues[i + 1]);
        return new InitialContext(env);
    }

    @Test
    void entriesInTheActiveMqAndQpidStyles() throws Exception {
        InitialContext ctx = context("connectionFactory.orders", "embedded://jndi?prefetch=2",
                "connectionfactory.qpidStyle", "embedded://jndi",
                "queue.incoming", "orders-in", "topic.prices", "prices");
        ConnectionFactory cf = (ConnectionFactory) ctx.lookup("orders");
        assertThat(((JmsAwsConnectionFactory) cf).getConfig().toString()).contains("prefetch=2");
        assertThat(ctx.lookup("qpidStyle")).isInstanceOf(ConnectionFactory.class);
        assertThat(((Queue) ctx.lookup("incoming")).getQueueName()).isEqualTo("orders-in");
        assertThat(((Topic) ctx.lookup("prices")).getTopicName()).isEqualTo("prices");
        assertThat(((Queue) ctx.lookup("dynamicQueues/anything")).getQueueName()).isEqualTo("anything");
        assertThatThrownBy(() -> ctx.lookup("missing")).isInstanceOf(NameNotFoundException.class).hasMessageContaining("orders");
        try (var connection = cf.createConnection()) {
            assertThat(connection.getMetaData().getJMSVersion()).isEqualTo("3.1");
        }
    }

    @Test
    void aDefaultFactoryFromTheProviderUrl() throws Exception {
        InitialContext ctx = context(Context.PROVIDER_URL, "embedded://fromUrl");
        assertThat(ctx.lookup("ConnectionFactory").toString()).contains("embedded://fromUrl");
    }

    @Test
    void aBadUrlInJndiIsANamingErrorThatNamesTheEntry() {
        assertThatThrownBy(() -> context("connectionFactory.bad", "embedded://?nope=1").lookup("bad"))
                .isInstanceOf(NamingException.class).hasMessageContaining("connectionFactory.bad").hasMessageContaining("nope");
    }

    @Test
    void jndiPropertiesOnTheClassPath() throws Exception {
        // src/test/resources/jndi.properties
        InitialContext ctx = new InitialContext();
        assertThat(ctx.lookup("fromFile")).isInstanceOf(ConnectionFactory.class);
        assertThat(((Queue) ctx.lookup("fileQueue")).getQueueName()).isEqualTo("file-queue");
    }
}
