package io.jmsaws.spring;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code jmsaws.url} (default {@code embedded://default}) and {@code jmsaws.options.NAME=value} for
 * any option of the connection URL ({@code jmsaws.options.prefetch=10},
 * {@code jmsaws.options.clientID=orders-service}); options in the URL itself work too.
 */
@ConfigurationProperties(prefix = "jmsaws")
public class JmsAwsProperties {
    private String url = "embedded://default";
    private Map<String, String> options = new LinkedHashMap<>();

    public String getUrl() { return url; }
    public void setUrl(String url) { this.url = url; }
    public Map<String, String> getOptions() { return options; }
    public void setOptions(Map<String, String> options) { this.options = options; }

    /** The URL with the options appended to its query. */
    public String connectionUrl() {
        StringBuilder out = new StringBuilder(url);
        boolean hasQuery = url.contains("?");
        for (Map.Entry<String, String> e : options.entrySet()) {
            out.append(hasQuery ? '&' : '?').append(e.getKey()).append('=').append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
            hasQuery = true;
        }
        return out.toString();
    }
}
