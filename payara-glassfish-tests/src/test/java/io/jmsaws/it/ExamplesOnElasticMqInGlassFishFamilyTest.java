package io.jmsaws.it;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The queue MDBs with the adapter on aws:// — the AWS SDK inside Payara or GlassFish — against
 * ElasticMQ, its URL given as the adapter's ConnectionUrl with create-resource-adapter-config.
 * The same QueueMdbScenarios as WildFly's ExamplesOnElasticMqTest.
 */
@ExtendWith(GlassFishDomain.OnElasticMq.class)
class ExamplesOnElasticMqInGlassFishFamilyTest extends QueueMdbScenarios {

    /** The scenarios passing on the embedded backend would prove nothing here: the examples' queues must be in this ElasticMQ. */
    @AfterAll
    static void theExamplesQueuesAreInThisElasticMq() throws Exception {
        int port = GlassFishDomain.elasticMqPort();
        assertThat(port).isPositive();
        HttpResponse<String> queues = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/?Action=ListQueues")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(queues.body()).contains("/orders<").contains("/risky-dlq<").contains("/payments.fifo<");
    }
}
