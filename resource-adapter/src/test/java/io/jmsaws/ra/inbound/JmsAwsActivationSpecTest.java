package io.jmsaws.ra.inbound;

import jakarta.resource.spi.InvalidPropertyException;
import org.junit.jupiter.api.Test;

import java.beans.PropertyDescriptor;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JmsAwsActivationSpecTest {

    private static JmsAwsActivationSpec queue(String name) {
        JmsAwsActivationSpec spec = new JmsAwsActivationSpec();
        spec.setDestination(name);
        return spec;
    }

    private static JmsAwsActivationSpec topic(String name) {
        JmsAwsActivationSpec spec = queue(name);
        spec.setDestinationType("jakarta.jms.Topic");
        return spec;
    }

    private static void assertInvalid(JmsAwsActivationSpec spec, String property, String messagePart) {
        assertThatThrownBy(spec::validate).isInstanceOf(InvalidPropertyException.class)
                .hasMessageContaining(messagePart)
                .satisfies(e -> assertThat(Arrays.stream(((InvalidPropertyException) e).getInvalidPropertyDescriptors())
                        .map(PropertyDescriptor::getName)).contains(property));
    }

    @Test
    void aQueueByNameIsValidAndGetsFourSessions() {
        JmsAwsActivationSpec spec = queue("orders");
        assertThatCode(spec::validate).doesNotThrowAnyException();
        assertThat(spec.effectiveMaxSession()).isEqualTo(4);
    }

    @Test
    void anUnsharedTopicSubscriptionGetsOneSessionAndRefusesMore() {
        JmsAwsActivationSpec spec = topic("prices");
        assertThat(spec.effectiveMaxSession()).isEqualTo(1);
        spec.setMaxSession(3);
        assertInvalid(spec, "maxSession", "would deliver every message 3 times");
        spec.setShareSubscriptions(true);
        spec.setSubscriptionName("board");
        assertThatCode(spec::validate).doesNotThrowAnyException();
    }

    @Test
    void eachBadPropertyIsNamed() {
        assertInvalid(new JmsAwsActivationSpec(), "destination", "either 'destination'");
        JmsAwsActivationSpec both = queue("a");
        both.setDestinationLookup("java:/jms/a");
        assertInvalid(both, "destinationLookup", "not both");
        JmsAwsActivationSpec type = queue("a");
        type.setDestinationType("jakarta.jms.Stream");
        assertInvalid(type, "destinationType", "jakarta.jms.Stream");
        JmsAwsActivationSpec ack = queue("a");
        ack.setAcknowledgeMode("Client-acknowledge");
        assertInvalid(ack, "acknowledgeMode", "Auto-acknowledge or Dups-ok-acknowledge");
        JmsAwsActivationSpec sessions = queue("a");
        sessions.setMaxSession(0);
        assertInvalid(sessions, "maxSession", "from 1 to 100");
        JmsAwsActivationSpec messages = queue("a");
        messages.setMaxMessages(11);
        assertInvalid(messages, "maxMessages", "SQS ReceiveMessage's limit");
        JmsAwsActivationSpec wait = queue("a");
        wait.setWaitTimeSeconds(21);
        assertInvalid(wait, "waitTimeSeconds", "from 0 to 20");
        JmsAwsActivationSpec delay = queue("a");
        delay.setRedeliveryDelay(50_000_000L);
        assertInvalid(delay, "redeliveryDelay", "12-hour");
        JmsAwsActivationSpec backoff = queue("a");
        backoff.setRedeliveryBackoff(0.5);
        assertInvalid(backoff, "redeliveryBackoff", "1.0 to 100.0");
    }

    @Test
    void subscriptionsNeedTheirNamesAndATopic() {
        JmsAwsActivationSpec durableQueue = queue("orders");
        durableQueue.setSubscriptionDurability("Durable");
        assertInvalid(durableQueue, "subscriptionDurability", "are for topics");
        JmsAwsActivationSpec durable = topic("prices");
        durable.setSubscriptionDurability("Durable");
        assertInvalid(durable, "subscriptionName", "needs 'subscriptionName'");
        durable.setSubscriptionName("audit");
        assertInvalid(durable, "clientId", "needs 'clientId'");
        durable.setClientId("app");
        assertThatCode(durable::validate).doesNotThrowAnyException();
    }
}
