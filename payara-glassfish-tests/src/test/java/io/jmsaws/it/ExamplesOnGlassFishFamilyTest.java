package io.jmsaws.it;

import io.jmsaws.it.bad.ZeroSessionsMdb;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.File;
import java.io.IOException;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The unchanged RAR and examples EAR in Payara Server 6 and GlassFish 7 (a surefire execution each)
 * on the embedded backend (the RAR's default): every example flow the WildFly suite runs
 * (ExampleScenarios). The MDBs reach jms-aws through glassfish-ejb-jar.xml, the ConnectionFactory
 * through glassfish-web.xml.
 */
@ExtendWith(GlassFishDomain.class)
class ExamplesOnGlassFishFamilyTest extends ExampleScenarios {

    @Test
    void anMdbWithAnInvalidActivationPropertyFailsItsDeploymentNamingIt() throws Exception {
        File bad = GlassFishDomain.export(GlassFishDomain.boundToJmsAws(
                ShrinkWrap.create(WebArchive.class, "bad-activation.war").addClass(ZeroSessionsMdb.class), ZeroSessionsMdb.class),
                "bad-activation.war");
        assertThatThrownBy(() -> GlassFishDomain.asadmin(true, "deploy", "--name", "bad-activation", bad.getAbsolutePath()))
                .isInstanceOf(IOException.class).hasMessageContaining("EJB Container initialization error");
        assertThat(GlassFishDomain.asadmin(false, "list-applications")).doesNotContain("bad-activation");
        // the deployer is told to read server.log (these servers pass no cause back): what the server logged names the
        // property. The warnings log starts empty with the domain, and only this test deploys this MDB.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(GlassFishDomain.warningsLog())
                .contains("'maxSession' must be from 1 to 100, not 0"));
    }
}
