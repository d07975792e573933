package io.jmsaws.it;

import org.jboss.as.arquillian.api.ServerSetupTask;
import org.jboss.as.arquillian.container.ManagementClient;

/** Makes jms-aws the server's default resource adapter for MDBs before the deployments. */
public class JmsAwsForMdbs implements ServerSetupTask {
    @Override
    public void setup(ManagementClient management, String containerId) throws Exception {
        ServerConfig.useJmsAwsForMdbs(management.getControllerClient());
    }

    @Override
    public void tearDown(ManagementClient management, String containerId) {
        // the next test class wants the same
    }
}
