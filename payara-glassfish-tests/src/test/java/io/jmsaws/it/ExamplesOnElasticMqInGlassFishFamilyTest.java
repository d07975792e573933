package io.jmsaws.it;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The queue MDBs with the adapter on aws:// — the AWS SDK inside Payara or GlassFish — against
 * ElasticMQ, its URL given as the adapter's ConnectionUrl with create-resource-adapter-config.
 * The same QueueMdbScenarios as WildFly's ExamplesOnElasticMqTest.
 */
@ExtendWith(GlassFishDomain.OnElasticMq.class)
class ExamplesOnElasticMqInGlassFishFamilyTest extends QueueMdbScenarios {
}
