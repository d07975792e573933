package io.jmsaws.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.as.arquillian.api.ServerSetup;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.ResourceAdapterArchive;
import org.junit.jupiter.api.extension.ExtendWith;

/** The RAR and the examples EAR, as built, in WildFly on the embedded backend (the RAR's default). */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@ServerSetup(JmsAwsForMdbs.class)
class ExamplesOnEmbeddedTest extends ExampleScenarios {

    @Deployment(name = "rar", order = 1, testable = false)
    static ResourceAdapterArchive rar() {
        return Deployments.resourceAdapter();
    }

    @Deployment(name = "examples", order = 2, testable = false)
    static EnterpriseArchive examples() {
        return Deployments.examplesEar();
    }
}
