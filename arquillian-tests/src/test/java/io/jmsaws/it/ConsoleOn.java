package io.jmsaws.it;

import org.jboss.as.arquillian.api.ServerSetupTask;
import org.jboss.as.arquillian.container.ManagementClient;

import java.nio.file.Path;

/** Turns the adapter's queue console on (read when the RAR starts) and creates the operator user. */
public class ConsoleOn implements ServerSetupTask {
    @Override
    public void setup(ManagementClient management, String containerId) throws Exception {
        ServerConfig.setSystemProperty(management.getControllerClient(), "jmsaws.console", "true");
        ConsoleUser.writeAndReload(Path.of(System.getProperty("jboss.home")), management.getControllerClient());
    }

    @Override
    public void tearDown(ManagementClient management, String containerId) throws Exception {
        ServerConfig.removeSystemProperty(management.getControllerClient(), "jmsaws.console");
    }
}
