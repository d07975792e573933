package io.jmsaws;

import io.jmsaws.client.JmsAwsConnection;
import io.jmsaws.client.JmsAwsContext;
import io.jmsaws.config.JmsAwsConfig;
import io.jmsaws.config.Option;
import io.jmsaws.provider.Provider;
import io.jmsaws.telemetry.Telemetry;
import io.jmsaws.telemetry.Tracing;
import io.jmsaws.util.JmsExceptions;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.QueueConnection;
import jakarta.jms.QueueConnectionFactory;
import jakarta.jms.TopicConnection;
import jakarta.jms.TopicConnectionFactory;

import java.io.Serializable;

/**
 * The entry point: a {@link ConnectionFactory} (queue and topic flavours too) for the connection
 * URL it was made with. {@code new JmsAwsConnectionFactory()} uses the embedded backend.
 *
 * <pre>{@code
 * ConnectionFactory cf = new JmsAwsConnectionFactory("aws://?region=eu-west-1");
 * }</pre>
 *
 * Setters change options for connections made afterwards; each takes the name of the URL option.
 */
public class JmsAwsConnectionFactory implements ConnectionFactory, QueueConnectionFactory, TopicConnectionFactory, Serializable {
    private static final long serialVersionUID = 1L;

    private volatile JmsAwsConfig config;
    /** Where spans go; null: OpenTelemetry's global instance when its API is on the class path. Not serialized. */
    private transient volatile Tracing tracing;

    public JmsAwsConnectionFactory() {
        this(JmsAwsConfig.defaults());
    }

    /** @throws IllegalArgumentException naming what is wrong with a malformed URL or option */
    public JmsAwsConnectionFactory(String url) {
        this(JmsAwsConfig.parse(url));
    }

    public JmsAwsConnectionFactory(JmsAwsConfig config) {
        this.config = config;
    }

    public JmsAwsConfig getConfig() {
        return config;
    }

    /** Replaces the whole configuration with the one a URL describes. */
    public void setUrl(String url) {
        this.config = JmsAwsConfig.parse(url);
    }

    /** Sets any option by its URL name. */
    public void setOption(String name, String value) {
        this.config = config.with(Option.byKey(name), value);
    }

    public void setClientID(String clientID) { config = config.with(Option.CLIENT_ID, clientID); }
    public void setPrefetch(int prefetch) { config = config.with(Option.PREFETCH, Integer.toString(prefetch)); }
    public void setWaitTimeSeconds(int seconds) { config = config.with(Option.WAIT_TIME_SECONDS, Integer.toString(seconds)); }
    public void setQueuePrefix(String prefix) { config = config.with(Option.QUEUE_PREFIX, prefix); }
    public void setAutoCreate(boolean autoCreate) { config = config.with(Option.AUTO_CREATE, Boolean.toString(autoCreate)); }
    public void setUsers(String users) { config = config.with(Option.USERS, users); }
    public void setRegion(String region) { config = config.with(Option.REGION, region); }
    public void setEndpoint(String endpoint) { config = config.with(Option.ENDPOINT, endpoint); }
    public void setSnsEndpoint(String endpoint) { config = config.with(Option.SNS_ENDPOINT, endpoint); }
    public void setTrustedPackages(String packages) { config = config.with(Option.TRUSTED_PACKAGES, packages); }
    public void setBatchWindowMillis(int millis) { config = config.with(Option.BATCH_WINDOW_MILLIS, Integer.toString(millis)); }

    /**
     * Where this factory's connections send spans, for an application with its own OpenTelemetry
     * instance: {@code setTracing(OtelTracing.of(openTelemetry))}. Unset, spans go to
     * {@code GlobalOpenTelemetry} once it is set (by the Java agent, or the application).
     */
    public void setTracing(Tracing tracing) { this.tracing = tracing; }

    /** The telemetry of a connection made now: the tracing set, or the default; none with {@code tracing=false}. */
    private Telemetry telemetry(JmsAwsConfig c) {
        if (!c.getBoolean(Option.TRACING)) return Telemetry.untraced();
        Tracing t = tracing;
        return Telemetry.of(t != null ? t : Telemetry.defaultTracing());
    }

    @Override
    public Connection createConnection() throws JMSException {
        return createConnection(null, null);
    }

    @Override
    public Connection createConnection(String userName, String password) throws JMSException {
        JmsAwsConfig c = config;
        Telemetry telemetry = telemetry(c);
        Provider provider = Backends.open(c, userName, password, telemetry);
        try {
            return new JmsAwsConnection(c, provider, telemetry);
        } catch (JMSException | RuntimeException e) {
            provider.close();
            throw e;
        }
    }

    @Override public QueueConnection createQueueConnection() throws JMSException { return createQueueConnection(null, null); }
    @Override public TopicConnection createTopicConnection() throws JMSException { return createTopicConnection(null, null); }

    @Override
    public QueueConnection createQueueConnection(String userName, String password) throws JMSException {
        JmsAwsConnection c = (JmsAwsConnection) createConnection(userName, password);
        c.setDomain(io.jmsaws.client.JmsAwsSession.Domain.QUEUE);
        return c;
    }

    @Override
    public TopicConnection createTopicConnection(String userName, String password) throws JMSException {
        JmsAwsConnection c = (JmsAwsConnection) createConnection(userName, password);
        c.setDomain(io.jmsaws.client.JmsAwsSession.Domain.TOPIC);
        return c;
    }

    @Override public JMSContext createContext() { return createContext(null, null, JMSContext.AUTO_ACKNOWLEDGE); }
    @Override public JMSContext createContext(int sessionMode) { return createContext(null, null, sessionMode); }
    @Override public JMSContext createContext(String u, String p) { return createContext(u, p, JMSContext.AUTO_ACKNOWLEDGE); }

    @Override
    public JMSContext createContext(String userName, String password, int sessionMode) {
        JmsAwsConnection connection = (JmsAwsConnection) JmsExceptions.runtime(() -> createConnection(userName, password));
        try {
            return new JmsAwsContext(connection, sessionMode);
        } catch (JMSRuntimeException e) {
            JmsExceptions.runtime(connection::close);
            throw e;
        }
    }

    @Override
    public String toString() {
        return "JmsAwsConnectionFactory[" + config + "]";
    }
}
