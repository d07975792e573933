package io.jmsaws.embedded;

import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.sns.model.InvalidParameterException;
import software.amazon.awssdk.services.sns.model.NotFoundException;

/** SNS's errors, as the SDK's own exception types. */
final class SnsErrors {
    private SnsErrors() {
    }

    static AwsServiceException invalidParameter(String message) {
        String msg = "Invalid parameter: " + message;
        return InvalidParameterException.builder().message(msg).statusCode(400)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("InvalidParameter").errorMessage(msg).serviceName("Sns").build()).build();
    }

    static AwsServiceException notFound(String what) {
        String msg = what + " does not exist";
        return NotFoundException.builder().message(msg).statusCode(404)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("NotFound").errorMessage(msg).serviceName("Sns").build()).build();
    }
}
