package io.jmsaws.it;

import io.jmsaws.examples.DeadLetters;
import io.jmsaws.examples.ReceivedLog;
import io.jmsaws.examples.Sender;
import io.jmsaws.examples.web.ExamplesApi;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.ResourceAdapterArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

import java.io.File;
import java.nio.file.Path;

/** The archives the build made (copied to target/deployments), and small WARs made of the examples' classes. */
final class Deployments {
    static final String EXAMPLES_URL = "http://127.0.0.1:8080/jms-aws-examples/";
    /** The examples' server descriptors, as the EAR has them. */
    static final File EXAMPLES_WEB_INF = new File(System.getProperty("examples.webinf", "../examples-ear/examples-web/src/main/webapp/WEB-INF"));

    private Deployments() {
    }

    static Path directory() {
        return Path.of(System.getProperty("deployments.dir", "target/deployments"));
    }

    static ResourceAdapterArchive resourceAdapter() {
        return ShrinkWrap.createFromZipFile(ResourceAdapterArchive.class, new File(directory().toFile(), "jms-aws.rar"));
    }

    static final String CONSOLE_URL = "http://127.0.0.1:8080/jms-aws-console/";

    static WebArchive operatorConsole() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File(directory().toFile(), "jms-aws-console.war"));
    }

    static EnterpriseArchive examplesEar() {
        return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, new File(directory().toFile(), "jms-aws-examples.ear"));
    }

    /** The examples' MDBs on queues only: what runs where there is no SNS (ElasticMQ). */
    static final Class<?>[] QUEUE_MDBS = {io.jmsaws.examples.mdb.OrderMdb.class, io.jmsaws.examples.mdb.PaymentMdb.class,
            io.jmsaws.examples.mdb.RiskyMdb.class, io.jmsaws.examples.mdb.RetryOnceMdb.class, io.jmsaws.examples.mdb.AuditMdb.class};

    /** A web application named jms-aws-examples with the API and the given MDBs (the JMS API added to its module). */
    static WebArchive examplesWar(Class<?>... mdbs) {
        return ShrinkWrap.create(WebArchive.class, "jms-aws-examples.war")
                .addClasses(ReceivedLog.class, ReceivedLog.Entry.class, Sender.class, DeadLetters.class, DeadLetters.Letter.class, ExamplesApi.class)
                .addPackage("io.jmsaws.examples.web")
                .addClasses(mdbs)
                // the examples' own mapping of their resource-ref (jms/ConnectionFactory) to WildFly's JNDI name
                .addAsWebInfResource(new File(EXAMPLES_WEB_INF, "jboss-web.xml"), "jboss-web.xml")
                .setManifest(new StringAsset("Manifest-Version: 1.0\nDependencies: jakarta.jms.api\n"));
    }
}
