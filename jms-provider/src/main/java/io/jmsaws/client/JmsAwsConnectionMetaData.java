package io.jmsaws.client;

import jakarta.jms.ConnectionMetaData;

import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

/** Reports JMS 3.1 and the JMSX properties the provider supports. */
public final class JmsAwsConnectionMetaData implements ConnectionMetaData {
    public static final String PROVIDER_NAME = "jms-aws";
    public static final String PROVIDER_VERSION = "0.1.0";

    @Override public String getJMSVersion() { return "3.1"; }
    @Override public int getJMSMajorVersion() { return 3; }
    @Override public int getJMSMinorVersion() { return 1; }
    @Override public String getJMSProviderName() { return PROVIDER_NAME; }
    @Override public String getProviderVersion() { return PROVIDER_VERSION; }
    @Override public int getProviderMajorVersion() { return 0; }
    @Override public int getProviderMinorVersion() { return 1; }

    @Override
    public Enumeration<String> getJMSXPropertyNames() {
        return Collections.enumeration(List.of("JMSXDeliveryCount", "JMSXGroupID", "JMSXGroupSeq"));
    }
}
