package io.jmsaws.ra;

import io.jmsaws.JmsAwsConnectionFactory;
import io.jmsaws.config.JmsAwsConfig;
import io.jmsaws.config.Option;
import io.jmsaws.embedded.EmbeddedSqs;
import io.jmsaws.ra.inbound.InboundActivation;
import io.jmsaws.ra.inbound.JmsAwsActivationSpec;
import io.jmsaws.aws.SqsTransport;
import io.jmsaws.util.ClassLoaderState;
import io.jmsaws.admin.DeadLetterAdmin;
import io.jmsaws.ra.console.QueueConsole;
import jakarta.jms.JMSException;
import jakarta.resource.NotSupportedException;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ActivationSpec;
import jakarta.resource.spi.BootstrapContext;
import jakarta.resource.spi.ResourceAdapter;
import jakarta.resource.spi.ResourceAdapterInternalException;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import jakarta.resource.spi.work.WorkManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.management.JMException;
import javax.transaction.xa.XAResource;
import java.io.Serializable;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The resource adapter: one backend (the connection URL plus credentials and options) for the
 * MDB activations and the pooled connection factories of one deployment. Stopping it stops every
 * activation and, on the embedded backend, the in-memory queues and their threads.
 *
 * <p>The URL comes from the {@code ConnectionUrl} config-property; when that is empty, from the
 * system property {@code jmsaws.url}, then the environment variable {@code JMSAWS_URL}, then
 * {@code embedded://default}. That lets one RAR run unchanged on a laptop and against AWS.
 */
public class JmsAwsResourceAdapter implements ResourceAdapter, Serializable {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(JmsAwsResourceAdapter.class);
    static final String URL_SYSTEM_PROPERTY = "jmsaws.url";
    static final String URL_ENVIRONMENT_VARIABLE = "JMSAWS_URL";
    static final String DEFAULT_URL = "embedded://default";
    static final String CONSOLE_SYSTEM_PROPERTY = "jmsaws.console";
    /** The whole of stop(): under Payara's 30 s for an adapter. */
    static final Duration STOP_BUDGET = Duration.ofSeconds(28);
    /**
     * Kept after the deliveries for the clients' shutdown. The long polls under way when the stop
     * began end meanwhile — at most waitTimeSeconds (20 s) after it, in parallel.
     */
    static final Duration SHUTDOWN_RESERVE = Duration.ofSeconds(2);

    private String connectionUrl = "";
    private String accessKeyId = "";
    private String secretAccessKey = "";
    private String options = "";
    private String queueConsole = "";

    private transient volatile WorkManager workManager;
    private transient volatile JmsAwsConfig config;
    private transient volatile QueueConsole console;
    /** The metrics MXBeans (read-only: always on). */
    private transient volatile io.jmsaws.ra.metrics.MetricsBeans metricsBeans;
    private final transient Map<ActivationKey, InboundActivation> activations = new ConcurrentHashMap<>();

    public String getConnectionUrl() { return connectionUrl; }
    public void setConnectionUrl(String connectionUrl) { this.connectionUrl = connectionUrl == null ? "" : connectionUrl.trim(); }
    public String getAccessKeyId() { return accessKeyId; }
    public void setAccessKeyId(String accessKeyId) { this.accessKeyId = accessKeyId == null ? "" : accessKeyId.trim(); }
    public String getSecretAccessKey() { return secretAccessKey; }
    public void setSecretAccessKey(String secretAccessKey) { this.secretAccessKey = secretAccessKey == null ? "" : secretAccessKey.trim(); }
    /** Provider options as {@code name=value} pairs separated by {@code ;} — the same names as in the URL. */
    public String getOptions() { return options; }
    public void setOptions(String options) { this.options = options == null ? "" : options.trim(); }
    /**
     * {@code true} registers the queue console's MXBean (see {@link QueueConsole}); empty: the
     * system property {@code jmsaws.console}; off by default, since it can purge and move messages.
     */
    public String getQueueConsole() { return queueConsole; }
    public void setQueueConsole(String queueConsole) { this.queueConsole = queueConsole == null ? "" : queueConsole.trim(); }

    @Override
    public void start(BootstrapContext context) throws ResourceAdapterInternalException {
        this.workManager = context.getWorkManager();
        try {
            this.config = buildConfig();
            consoleEnabled();
        } catch (IllegalArgumentException e) {
            throw new ResourceAdapterInternalException("jms-aws resource adapter: " + e.getMessage(), e);
        }
        if (consoleEnabled()) {
            QueueConsole c = new QueueConsole(config, this::openDeadLetterAdmin);
            try {
                c.register();
                console = c;
            } catch (JMException | RuntimeException e) {
                throw new ResourceAdapterInternalException("jms-aws resource adapter: cannot register the queue console MXBean: " + e, e);
            }
        }
        io.jmsaws.ra.metrics.MetricsBeans beans = new io.jmsaws.ra.metrics.MetricsBeans(io.jmsaws.telemetry.MessagingMetrics.global());
        beans.register();
        metricsBeans = beans;
        LOG.info("jms-aws resource adapter started on {}{}", config, console != null ? " (queue console on)" : "");
    }

    boolean consoleEnabled() {
        String value = !queueConsole.isEmpty() ? queueConsole : System.getProperty(CONSOLE_SYSTEM_PROPERTY, "false");
        if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
            throw new IllegalArgumentException("QueueConsole (or -D" + CONSOLE_SYSTEM_PROPERTY + ") is true or false, not '" + value + "'");
        }
        return Boolean.parseBoolean(value);
    }

    private DeadLetterAdmin openDeadLetterAdmin() {
        try {
            return DeadLetterAdmin.open(connectionFactory(), null, null);
        } catch (JMSException e) {
            throw new IllegalStateException("cannot open the queue console's SQS client: " + e.getMessage(), e);
        }
    }

    /** The configuration every connection of this adapter starts from. */
    public JmsAwsConfig config() {
        JmsAwsConfig c = config;
        if (c == null) throw new IllegalStateException("the jms-aws resource adapter is not started");
        return c;
    }

    JmsAwsConfig buildConfig() {
        JmsAwsConfig c = JmsAwsConfig.parse(effectiveUrl());
        if (!accessKeyId.isEmpty()) c = c.with(Option.ACCESS_KEY_ID, accessKeyId);
        if (!secretAccessKey.isEmpty()) c = c.with(Option.SECRET_ACCESS_KEY, secretAccessKey);
        for (String pair : options.split(";")) {
            if (pair.isBlank()) continue;
            int eq = pair.indexOf('=');
            if (eq <= 0) throw new IllegalArgumentException("config-property 'Options' takes name=value pairs separated by ';', not '" + pair.trim() + "'");
            c = c.with(Option.byKey(pair.substring(0, eq).trim()), pair.substring(eq + 1).trim());
        }
        return c;
    }

    private String effectiveUrl() {
        if (!connectionUrl.isEmpty()) return connectionUrl;
        String fromSystem = System.getProperty(URL_SYSTEM_PROPERTY);
        if (fromSystem != null && !fromSystem.isBlank()) return fromSystem.trim();
        String fromEnvironment = System.getenv(URL_ENVIRONMENT_VARIABLE);
        if (fromEnvironment != null && !fromEnvironment.isBlank()) return fromEnvironment.trim();
        return DEFAULT_URL;
    }

    /** A provider connection factory with this adapter's configuration. */
    public JmsAwsConnectionFactory connectionFactory() {
        return new JmsAwsConnectionFactory(config());
    }

    public WorkManager workManager() {
        return workManager;
    }

    @Override
    public void stop() {
        QueueConsole openConsole = console;
        console = null;
        if (openConsole != null) openConsole.close();
        io.jmsaws.ra.metrics.MetricsBeans beans = metricsBeans;
        metricsBeans = null;
        if (beans != null) beans.close();
        // one budget for the whole stop, within what servers allow an adapter (Payara: 30 s): every activation
        // stops polling first, then their deliveries are waited for together, then the SDK's threads
        long deadline = System.nanoTime() + STOP_BUDGET.toNanos();
        activations.values().forEach(InboundActivation::beginStop);
        long deliveriesDeadline = deadline - SHUTDOWN_RESERVE.toNanos();
        activations.values().forEach(a -> a.finishStop(deliveriesDeadline));
        activations.clear();
        // connections close in the background once their long polls end (waitTimeSeconds ≤ 20 s; what they
        // bring is given back): wait for their threads before the server unloads our classes
        SqsTransport.awaitAllTerminated(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
        JmsAwsConfig c = config;
        // the embedded backend lives in this adapter's class loader: nothing else can reach its queues any more
        if (c != null && c.backend() == JmsAwsConfig.Backend.EMBEDDED) {
            EmbeddedSqs.shutdownAll();
            io.jmsaws.embedded.EmbeddedS3.shutdownAll();
        }
        // client ids, subscription consumers, shared clients, sweeps: nothing of this class loader outlives the adapter
        ClassLoaderState.drop();
        LOG.info("jms-aws resource adapter stopped");
    }

    @Override
    public void endpointActivation(MessageEndpointFactory factory, ActivationSpec spec) throws ResourceException {
        if (!(spec instanceof JmsAwsActivationSpec ours)) {
            throw new NotSupportedException("jms-aws takes its own ActivationSpec, not " + spec.getClass().getName());
        }
        // the container may skip validate(): activation properties are checked here as well
        ours.validate();
        InboundActivation activation = new InboundActivation(this, factory, ours);
        activation.start();
        activations.put(new ActivationKey(factory, spec), activation);
    }

    @Override
    public void endpointDeactivation(MessageEndpointFactory factory, ActivationSpec spec) {
        InboundActivation activation = activations.remove(new ActivationKey(factory, spec));
        if (activation != null) activation.stop();
    }

    @Override
    public XAResource[] getXAResources(ActivationSpec[] specs) {
        // deliveries commit or roll back one-phase on SQS: there is never an in-doubt branch to recover
        return new XAResource[0];
    }

    private record ActivationKey(MessageEndpointFactory factory, ActivationSpec spec) {
        // identity, whatever the spec's own equals says
        @Override public boolean equals(Object o) { return o instanceof ActivationKey k && k.factory == factory && k.spec == spec; }
        @Override public int hashCode() { return System.identityHashCode(factory) * 31 + System.identityHashCode(spec); }
    }

    // the Connectors specification asks a ResourceAdapter JavaBean for equals/hashCode over its properties
    @Override
    public boolean equals(Object o) {
        return o instanceof JmsAwsResourceAdapter r && r.connectionUrl.equals(connectionUrl) && r.accessKeyId.equals(accessKeyId)
                && r.secretAccessKey.equals(secretAccessKey) && r.options.equals(options) && r.queueConsole.equals(queueConsole);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(connectionUrl, accessKeyId, options);
    }

    @Override
    public String toString() {
        // never the secret
        return "JmsAwsResourceAdapter[" + (config != null ? config : connectionUrl) + "]";
    }
}
