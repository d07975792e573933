package io.jmsaws.embedded;

import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.sqs.model.BatchEntryIdsNotDistinctException;
import software.amazon.awssdk.services.sqs.model.BatchRequestTooLongException;
import software.amazon.awssdk.services.sqs.model.EmptyBatchRequestException;
import software.amazon.awssdk.services.sqs.model.InvalidAttributeNameException;
import software.amazon.awssdk.services.sqs.model.InvalidBatchEntryIdException;
import software.amazon.awssdk.services.sqs.model.InvalidMessageContentsException;
import software.amazon.awssdk.services.sqs.model.MessageNotInflightException;
import software.amazon.awssdk.services.sqs.model.QueueDeletedRecentlyException;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;
import software.amazon.awssdk.services.sqs.model.QueueNameExistsException;
import software.amazon.awssdk.services.sqs.model.ReceiptHandleIsInvalidException;
import software.amazon.awssdk.services.sqs.model.SqsException;
import software.amazon.awssdk.services.sqs.model.TooManyEntriesInBatchRequestException;

/**
 * The errors SQS answers, as the SDK's own exception types with the codes AWS uses, so that code
 * above the client cannot tell the embedded backend from the service.
 */
final class SqsErrors {
    private SqsErrors() {
    }

    static AwsServiceException invalidParameter(String message) {
        return generic("InvalidParameterValue", message);
    }

    static AwsServiceException missingParameter(String message) {
        return generic("MissingParameter", message);
    }

    static AwsServiceException generic(String code, String message) {
        return SqsException.builder().message(message).statusCode(400).awsErrorDetails(details(code, message)).build();
    }

    static AwsServiceException noSuchQueue(String what) {
        String msg = "The specified queue does not exist: " + what;
        return QueueDoesNotExistException.builder().message(msg).statusCode(400)
                .awsErrorDetails(details("AWS.SimpleQueueService.NonExistentQueue", msg)).build();
    }

    static AwsServiceException queueNameExists(String name) {
        String msg = "A queue already exists with the same name and a different value for attribute(s): " + name;
        return QueueNameExistsException.builder().message(msg).statusCode(400).awsErrorDetails(details("QueueAlreadyExists", msg)).build();
    }

    static AwsServiceException queueDeletedRecently(String name) {
        String msg = "You must wait 60 seconds after deleting a queue before you can create another with the same name: " + name;
        return QueueDeletedRecentlyException.builder().message(msg).statusCode(400)
                .awsErrorDetails(details("AWS.SimpleQueueService.QueueDeletedRecently", msg)).build();
    }

    static AwsServiceException invalidAttributeName(String name) {
        String msg = "Unknown Attribute " + name + ".";
        return InvalidAttributeNameException.builder().message(msg).statusCode(400).awsErrorDetails(details("InvalidAttributeName", msg)).build();
    }

    static AwsServiceException tooManyEntries(int n) {
        String msg = "Maximum number of entries per request are 10. You have sent " + n + ".";
        return TooManyEntriesInBatchRequestException.builder().message(msg).statusCode(400)
                .awsErrorDetails(details("AWS.SimpleQueueService.TooManyEntriesInBatchRequest", msg)).build();
    }

    static AwsServiceException emptyBatch() {
        String msg = "There should be at least one entry in the request.";
        return EmptyBatchRequestException.builder().message(msg).statusCode(400)
                .awsErrorDetails(details("AWS.SimpleQueueService.EmptyBatchRequest", msg)).build();
    }

    static AwsServiceException idsNotDistinct(String id) {
        String msg = "Id " + id + " repeated.";
        return BatchEntryIdsNotDistinctException.builder().message(msg).statusCode(400)
                .awsErrorDetails(details("AWS.SimpleQueueService.BatchEntryIdsNotDistinct", msg)).build();
    }

    static AwsServiceException invalidBatchEntryId(String id) {
        String msg = "A batch entry id can only contain alphanumeric characters, hyphens and underscores. It can be at most 80 letters long: " + id;
        return InvalidBatchEntryIdException.builder().message(msg).statusCode(400)
                .awsErrorDetails(details("AWS.SimpleQueueService.InvalidBatchEntryId", msg)).build();
    }

    static AwsServiceException batchTooLong(int size) {
        String msg = "Batch requests cannot be longer than 1048576 bytes. You have sent " + size + " bytes.";
        return BatchRequestTooLongException.builder().message(msg).statusCode(400)
                .awsErrorDetails(details("AWS.SimpleQueueService.BatchRequestTooLong", msg)).build();
    }

    static AwsServiceException receiptHandleInvalid(String handle) {
        String msg = "The input receipt handle \"" + handle + "\" is not a valid receipt handle.";
        return ReceiptHandleIsInvalidException.builder().message(msg).statusCode(400).awsErrorDetails(details("ReceiptHandleIsInvalid", msg)).build();
    }

    static AwsServiceException notInflight() {
        String msg = "Message does not exist or is not available for visibility timeout change.";
        return MessageNotInflightException.builder().message(msg).statusCode(400)
                .awsErrorDetails(details("AWS.SimpleQueueService.MessageNotInflight", msg)).build();
    }

    static AwsServiceException invalidContents(String message) {
        return InvalidMessageContentsException.builder().message(message).statusCode(400)
                .awsErrorDetails(details("InvalidMessageContents", message)).build();
    }

    private static AwsErrorDetails details(String code, String message) {
        return AwsErrorDetails.builder().errorCode(code).errorMessage(message).serviceName("Sqs").build();
    }
}
