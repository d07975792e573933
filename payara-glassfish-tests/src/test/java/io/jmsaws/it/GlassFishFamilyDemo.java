package io.jmsaws.it;

/**
 * The demo on Payara (or GlassFish: {@code -Dserver.home=…/glassfish7}): domain1 started, the RAR,
 * its pool and resource and the examples EAR deployed with asadmin on the embedded backend, the
 * page's address printed. Ctrl+C stops the domain.
 * {@code mvn -B -q -DskipTests -pl payara-glassfish-tests -am install exec:java@demo-payara}
 */
public final class GlassFishFamilyDemo {
    private GlassFishFamilyDemo() {
    }

    public static void main(String[] args) throws Exception {
        System.out.println("Starting domain1 of " + GlassFishDomain.home() + " (its log: glassfish/domains/domain1/logs/server.log)");
        GlassFishDomain.use(GlassFishDomain.Setup.EMBEDDED);
        System.out.println();
        System.out.println("jms-aws examples: " + Deployments.EXAMPLES_URL);
        System.out.println("admin console:    http://127.0.0.1:4848/");
        System.out.println("(the RAR and the EAR are deployed on the embedded backend; Ctrl+C stops the domain)");
        Thread.currentThread().join();
    }
}
