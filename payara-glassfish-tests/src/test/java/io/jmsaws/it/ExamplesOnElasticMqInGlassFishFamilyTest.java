package io.jmsaws.it;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The queue MDBs with the adapter on aws:// — the AWS SDK inside Payara or GlassFish — against
 * ElasticMQ, its URL given as the adapter's ConnectionUrl with create-resource-adapter-config.
 * The same QueueMdbScenarios as WildFly's ExamplesOnElasticMqTest.
 */
@ExtendWith(GlassFishDomain.OnElasticMq.class)
class ExamplesOnElasticMqInGlassFishFamilyTest extends QueueMdbScenarios {

    /** The scenarios passing on the embedded backend would prove nothing here: the adapter must have started on this ElasticMQ. */
    @AfterAll
    static void theAdapterRanOnThisElasticMq() throws Exception {
        int port = GlassFishDomain.elasticMqPort();
        assertThat(port).isPositive();
        String log = GlassFishDomain.serverLog();
        assertThat(log).contains("jms-aws resource adapter started on aws://").contains("endpoint=http://127.0.0.1:" + port + "&");
    }
}
