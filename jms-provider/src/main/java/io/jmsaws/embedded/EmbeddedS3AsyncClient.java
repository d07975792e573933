package io.jmsaws.embedded;

import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.async.AsyncRequestBody;
import software.amazon.awssdk.core.async.AsyncResponseTransformer;
import software.amazon.awssdk.core.async.SdkPublisher;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.S3ServiceClientConfiguration;
import software.amazon.awssdk.services.s3.model.DeleteObjectRequest;
import software.amazon.awssdk.services.s3.model.DeleteObjectResponse;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The SDK's {@link S3AsyncClient} over {@link EmbeddedS3}: PutObject, GetObject and DeleteObject,
 * what offloaded message bodies need; every other operation is the interface's
 * UnsupportedOperationException.
 */
public final class EmbeddedS3AsyncClient implements S3AsyncClient {
    private final EmbeddedS3 s3;

    EmbeddedS3AsyncClient(EmbeddedS3 s3) {
        this.s3 = s3;
    }

    @Override
    public CompletableFuture<PutObjectResponse> putObject(PutObjectRequest r, AsyncRequestBody body) {
        CompletableFuture<PutObjectResponse> done = new CompletableFuture<>();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        body.subscribe(new Subscriber<ByteBuffer>() {
            @Override public void onSubscribe(Subscription s) { s.request(Long.MAX_VALUE); }
            @Override public void onNext(ByteBuffer b) {
                byte[] chunk = new byte[b.remaining()];
                b.get(chunk);
                bytes.writeBytes(chunk);
            }
            @Override public void onError(Throwable t) { done.completeExceptionally(t); }
            @Override public void onComplete() {
                s3.put(r.bucket(), r.key(), bytes.toByteArray());
                done.complete(PutObjectResponse.builder().build());
            }
        });
        return done;
    }

    @Override
    public <T> CompletableFuture<T> getObject(GetObjectRequest r, AsyncResponseTransformer<GetObjectResponse, T> transformer) {
        CompletableFuture<T> result = transformer.prepare();
        byte[] bytes = s3.get(r.bucket(), r.key());
        if (bytes == null) {
            NoSuchKeyException missing = (NoSuchKeyException) NoSuchKeyException.builder().statusCode(404)
                    .message("The specified key does not exist.")
                    .awsErrorDetails(AwsErrorDetails.builder().errorCode("NoSuchKey").serviceName("S3").build()).build();
            transformer.exceptionOccurred(missing);
            return CompletableFuture.failedFuture(missing);
        }
        transformer.onResponse(GetObjectResponse.builder().contentLength((long) bytes.length).build());
        transformer.onStream(SdkPublisher.adapt(subscriber -> subscriber.onSubscribe(new Subscription() {
            private final AtomicBoolean sent = new AtomicBoolean();

            @Override
            public void request(long n) {
                if (n > 0 && sent.compareAndSet(false, true)) {
                    subscriber.onNext(ByteBuffer.wrap(bytes));
                    subscriber.onComplete();
                }
            }

            @Override
            public void cancel() {
                sent.set(true);
            }
        })));
        return result;
    }

    @Override
    public CompletableFuture<DeleteObjectResponse> deleteObject(DeleteObjectRequest r) {
        s3.delete(r.bucket(), r.key());
        return CompletableFuture.completedFuture(DeleteObjectResponse.builder().build());
    }

    @Override
    public String serviceName() {
        return "s3";
    }

    @Override
    public S3ServiceClientConfiguration serviceClientConfiguration() {
        return S3ServiceClientConfiguration.builder().build();
    }

    @Override
    public void close() {
        // the objects belong to the instance, not to one client
    }
}
