package io.jmsaws.client;

import io.jmsaws.JmsAwsConnectionFactory;
import io.jmsaws.testing.ElasticMqBackend;
import io.jmsaws.testing.FaultProxy;
import io.jmsaws.testing.TestBackend;
import jakarta.jms.Connection;
import jakarta.jms.JMSSecurityException;
import jakarta.jms.Session;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConformanceElasticMqTest extends ConformanceContract {
    @Override
    protected TestBackend backend() {
        return ElasticMqBackend.get();
    }

    /** AWS refusing the credentials is a JMSSecurityException naming the operation and AWS's code, never the secret. */
    @ParameterizedTest
    @EnumSource(value = FaultProxy.Fault.class, names = {"INVALID_CLIENT_TOKEN", "SIGNATURE_DOES_NOT_MATCH"})
    void credentialsAwsRefusesAreAJmsSecurityException(FaultProxy.Fault fault) throws Exception {
        ElasticMqBackend.get();
        try (FaultProxy proxy = FaultProxy.to(ElasticMqBackend.endpoint())) {
            proxy.policy((operation, n) -> operation.equals("SendMessage") ? fault : FaultProxy.Fault.NONE);
            try (Connection c = new JmsAwsConnectionFactory("aws://?region=us-east-1&endpoint=" + proxy.endpoint()
                    + "&accessKeyId=AKIDTEST&secretAccessKey=very-secret-value&maxAttempts=1").createConnection()) {
                Session s = c.createSession(Session.AUTO_ACKNOWLEDGE);
                var producer = s.createProducer(s.createQueue(QueueBehaviourContract.uniqueName("denied")));
                assertThatThrownBy(() -> producer.send(s.createTextMessage("x"))).isInstanceOf(JMSSecurityException.class)
                        .hasMessageContaining("SendMessage").hasMessageNotContaining("very-secret-value");
            }
        }
    }
}
