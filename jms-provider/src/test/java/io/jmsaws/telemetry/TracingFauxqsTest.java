package io.jmsaws.telemetry;

import io.jmsaws.testing.FauxqsBackend;
import io.jmsaws.testing.TestBackend;

/** Over HTTP, against fauxqs's SQS and SNS (which drops AWSTraceHeader: the W3C copy in our header attribute carries the trace). */
class TracingFauxqsTest extends TopicTracingContract {
    @Override
    protected TestBackend backend() {
        return FauxqsBackend.get();
    }

    @Override
    protected boolean keepsAwsTraceHeader() {
        return false;
    }
}
