package io.jmsaws.it;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The unchanged RAR and examples EAR in Payara Server 6 and GlassFish 7 (a surefire execution each) on the embedded backend (the RAR's
 * default): every example flow the WildFly suite runs (ExampleScenarios). The MDBs reach
 * jms-aws through glassfish-ejb-jar.xml, the ConnectionFactory through glassfish-web.xml.
 */
@ExtendWith(GlassFishDomain.class)
class ExamplesOnGlassFishFamilyTest extends ExampleScenarios {
}
