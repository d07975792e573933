package io.jmsaws.aws;

import io.jmsaws.testing.FauxqsBackend;
import io.jmsaws.testing.TestBackend;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

import java.net.URI;

/** The same over real HTTP: fauxqs's SQS, SNS and S3 (path-style, as s3Endpoint makes the provider use). */
class PayloadOffloadFauxqsTest extends PayloadOffloadContract {
    private static final String BUCKET = "jms-aws-bodies";
    private static S3Client s3;

    @Override
    protected TestBackend backend() {
        return FauxqsBackend.get();
    }

    private static synchronized S3Client s3() {
        if (s3 == null) {
            FauxqsBackend.get(); // started: its endpoint has its port
            s3 = S3Client.builder().region(Region.US_EAST_1).endpointOverride(URI.create(FauxqsBackend.endpoint())).forcePathStyle(true)
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"))).build();
        }
        return s3;
    }

    @Override
    protected String bucket() {
        FauxqsBackend.get();
        s3().createBucket(b -> b.bucket(BUCKET)); // idempotent
        return BUCKET;
    }

    @Override
    protected String s3Options() {
        return "s3Endpoint=" + FauxqsBackend.endpoint();
    }

    @Override
    protected boolean objectExists(String bucket, String key) {
        try {
            s3().headObject(b -> b.bucket(bucket).key(key));
            return true;
        } catch (NoSuchKeyException e) {
            return false;
        } catch (software.amazon.awssdk.services.s3.model.S3Exception e) {
            if (e.statusCode() == 404) return false;
            throw e;
        }
    }

    @Override
    protected void putObject(String bucket, String key, String content) {
        s3().createBucket(b -> b.bucket(bucket));
        s3().putObject(b -> b.bucket(bucket).key(key), RequestBody.fromString(content));
    }

    @Override
    protected int objectsUnder(String prefix) {
        return s3().listObjectsV2(b -> b.bucket(BUCKET).prefix(prefix)).keyCount();
    }
}
