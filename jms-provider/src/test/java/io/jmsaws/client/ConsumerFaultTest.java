package io.jmsaws.client;

import io.jmsaws.config.JmsAwsConfig;
import io.jmsaws.embedded.EmbeddedSqs;
import io.jmsaws.embedded.EmbeddedSqsAsyncClient;
import io.jmsaws.aws.SqsProvider;
import io.jmsaws.aws.SqsTransport;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Faults no server produces on demand, forced by wrapping the embedded backend's client: a
 * ReceiveMessage that throws an Error before any request is made, and one whose answer is an
 * Error. The consumer reports each (the waiting receive, or the ExceptionListener) and polls again.
 */
class ConsumerFaultTest {
    private static final EmbeddedSqs SERVER = EmbeddedSqs.instance("consumer-faults");
    private JmsAwsConnection connection;

    /** The embedded client, with the first {@code faulty} ReceiveMessage calls answered by {@code fault}. */
    private static SqsAsyncClient faulty(int faulty, Function<Object, CompletableFuture<?>> fault) {
        SqsAsyncClient real = new EmbeddedSqsAsyncClient(SERVER);
        AtomicInteger receives = new AtomicInteger();
        return (SqsAsyncClient) Proxy.newProxyInstance(SqsAsyncClient.class.getClassLoader(), new Class<?>[] {SqsAsyncClient.class},
                (proxy, method, args) -> {
                    // both overloads (the request, or a Consumer of its builder): the real client's default method would bypass this proxy
                    if (method.getName().equals("receiveMessage") && receives.incrementAndGet() <= faulty) {
                        return fault.apply(args[0]);
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private Session open(SqsAsyncClient client) throws JMSException {
        JmsAwsConfig config = JmsAwsConfig.parse("embedded://consumer-faults?waitTimeSeconds=1");
        connection = new JmsAwsConnection(config, new SqsProvider(config, SqsTransport.wrap(config, client)), io.jmsaws.telemetry.Telemetry.untraced());
        connection.start();
        return connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
    }

    @AfterEach
    void close() throws JMSException {
        if (connection != null) connection.close();
    }

    @Test
    void aReceiveMessageThatThrowsAnErrorReachesTheWaitingReceiveAndTheConsumerPollsAgain() throws Exception {
        Session s = open(faulty(1, r -> {
            throw new StackOverflowError("forced");
        }));
        Queue q = s.createQueue(QueueBehaviourContract.uniqueName("throws"));
        s.createProducer(q).send(s.createTextMessage("waiting"));
        MessageConsumer consumer = s.createConsumer(q);
        assertThatThrownBy(() -> consumer.receive(5_000)).isInstanceOf(JMSException.class)
                .hasMessageContaining("ReceiveMessage").hasRootCauseInstanceOf(StackOverflowError.class);
        Message m = consumer.receive(10_000);
        assertThat(m).as("the message, once the consumer polled again").isNotNull();
        assertThat(((TextMessage) m).getText()).isEqualTo("waiting");
    }

    @Test
    void aReceiveMessageAnsweredWithAnErrorReachesTheExceptionListenerAndTheListenerStillGetsItsMessages() throws Exception {
        Session s = open(faulty(2, r -> CompletableFuture.failedFuture(new AssertionError("forced"))));
        List<JMSException> reported = new CopyOnWriteArrayList<>();
        connection.setExceptionListener(reported::add);
        Queue q = s.createQueue(QueueBehaviourContract.uniqueName("answers-error"));
        CountDownLatch delivered = new CountDownLatch(1);
        s.createConsumer(q).setMessageListener(m -> delivered.countDown());
        s.createProducer(q).send(s.createTextMessage("for the listener"));
        assertThat(delivered.await(20, TimeUnit.SECONDS)).as("delivered after two failed polls").isTrue();
        assertThat(reported).isNotEmpty().allSatisfy(e -> assertThat(e).hasMessageContaining("ReceiveMessage"));
    }
}
