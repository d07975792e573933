package io.jmsaws.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.as.arquillian.api.ServerSetup;
import org.jboss.as.arquillian.api.ServerSetupTask;
import org.jboss.as.arquillian.container.ManagementClient;
import org.jboss.shrinkwrap.api.spec.ResourceAdapterArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The same queue MDBs with the resource adapter on {@code aws://}: the AWS SDK path, inside the
 * server, against ElasticMQ (started here, in the test's JVM). ElasticMQ has no SNS, so the
 * application is the examples' queue MDBs only.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@ServerSetup({ExamplesOnElasticMqTest.ElasticMq.class, JmsAwsForMdbs.class})
class ExamplesOnElasticMqTest extends QueueMdbScenarios {

    /** Starts ElasticMQ and points the adapter at it (the RAR reads jmsaws.url when it starts). */
    public static class ElasticMq implements ServerSetupTask {
        private static ElasticMqForAdapter running;

        @Override
        public void setup(ManagementClient management, String containerId) throws Exception {
            running = ElasticMqForAdapter.start(management.getControllerClient());
        }

        @Override
        public void tearDown(ManagementClient management, String containerId) throws Exception {
            if (running != null) running.close();
        }
    }

    @Deployment(name = "rar", order = 1, testable = false)
    static ResourceAdapterArchive rar() {
        return Deployments.resourceAdapter();
    }

    @Deployment(name = "examples", order = 2, testable = false)
    static WebArchive examples() {
        return Deployments.examplesWar(Deployments.QUEUE_MDBS);
    }
}
