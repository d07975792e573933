package io.jmsaws.config;

import io.jmsaws.JmsAwsConnectionFactory;
import jakarta.jms.JMSSecurityException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JmsAwsConfigTest {
    @Test
    void parsesBackendsAndOptions() {
        JmsAwsConfig embedded = JmsAwsConfig.parse("embedded://");
        assertThat(embedded.backend()).isEqualTo(JmsAwsConfig.Backend.EMBEDDED);
        assertThat(embedded.embeddedName()).isEqualTo("default");
        assertThat(JmsAwsConfig.parse("embedded://shop?prefetch=3").embeddedName()).isEqualTo("shop");
        JmsAwsConfig aws = JmsAwsConfig.parse("aws://?region=eu-west-1&endpoint=http://127.0.0.1:9324&queuePrefix=dev-&autoCreate=false");
        assertThat(aws.backend()).isEqualTo(JmsAwsConfig.Backend.AWS);
        assertThat(aws.get(Option.REGION)).isEqualTo("eu-west-1");
        assertThat(aws.get(Option.ENDPOINT)).isEqualTo("http://127.0.0.1:9324");
        assertThat(aws.get(Option.QUEUE_PREFIX)).isEqualTo("dev-");
        assertThat(aws.getBoolean(Option.AUTO_CREATE)).isFalse();
        assertThat(aws.getInt(Option.PREFETCH)).isEqualTo(10);
    }

    @Test
    void errorsNameWhatIsWrong() {
        assertThatThrownBy(() -> JmsAwsConfig.parse("embedded://?prefetch=11")).hasMessageContaining("prefetch").hasMessageContaining("1 to 10");
        assertThatThrownBy(() -> JmsAwsConfig.parse("embedded://?prefech=3")).hasMessageContaining("unknown option 'prefech'")
                .hasMessageContaining("prefetch");
        assertThatThrownBy(() -> JmsAwsConfig.parse("rabbit://host")).hasMessageContaining("scheme 'rabbit'");
        assertThatThrownBy(() -> JmsAwsConfig.parse("aws://some-host")).hasMessageContaining("takes no host");
        assertThatThrownBy(() -> JmsAwsConfig.parse("embedded://x/path")).hasMessageContaining("path");
        assertThatThrownBy(() -> JmsAwsConfig.parse("embedded://?autoCreate=maybe")).hasMessageContaining("true or false");
        assertThatThrownBy(() -> JmsAwsConfig.parse("embedded:/x")).hasMessageContaining("malformed");
        assertThatThrownBy(() -> JmsAwsConfig.parse("embedded://bad name")).hasMessageContaining("instance name");
        assertThatThrownBy(() -> JmsAwsConfig.parse("embedded://?waitTimeSeconds")).hasMessageContaining("has no value");
    }

    @Test
    void secretsNeverAppearInToString() {
        JmsAwsConfig c = JmsAwsConfig.parse("aws://?accessKeyId=AKIAEXAMPLE&secretAccessKey=SuperSecret123");
        assertThat(c.toString()).doesNotContain("SuperSecret123").contains("secretAccessKey=****");
        assertThat(new JmsAwsConnectionFactory(c).toString()).doesNotContain("SuperSecret123");
        assertThat(JmsAwsConfig.redact("aws://?secretAccessKey=abc&region=x")).isEqualTo("aws://?secretAccessKey=****&region=x");
        assertThat(JmsAwsConfig.parse("embedded://?users=alice:pw1").toString()).doesNotContain("pw1");
    }

    @Test
    void settersUseTheSameNamesAndChecks() {
        JmsAwsConnectionFactory f = new JmsAwsConnectionFactory();
        f.setPrefetch(4);
        f.setOption("waitTimeSeconds", "5");
        assertThat(f.getConfig().getInt(Option.PREFETCH)).isEqualTo(4);
        assertThat(f.getConfig().getInt(Option.WAIT_TIME_SECONDS)).isEqualTo(5);
        assertThatThrownBy(() -> f.setWaitTimeSeconds(21)).hasMessageContaining("waitTimeSeconds");
    }

    @Test
    void embeddedUsersAreChecked() throws Exception {
        JmsAwsConnectionFactory f = new JmsAwsConnectionFactory("embedded://secured?users=alice:pw1,bob:pw2");
        f.createConnection("alice", "pw1").close();
        assertThatThrownBy(() -> f.createConnection("alice", "guess-123")).isInstanceOf(JMSSecurityException.class)
                .hasMessageContaining("alice").hasMessageNotContaining("guess-123");
        assertThatThrownBy(() -> f.createConnection("mallory", "x")).isInstanceOf(JMSSecurityException.class);
        assertThatThrownBy(f::createConnection).isInstanceOf(JMSSecurityException.class);
        assertThatThrownBy(() -> f.createContext("bob", "nope")).isInstanceOf(jakarta.jms.JMSSecurityRuntimeException.class);
    }
}
