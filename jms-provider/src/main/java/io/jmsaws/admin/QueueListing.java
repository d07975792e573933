package io.jmsaws.admin;

import io.jmsaws.aws.AwsErrors;
import io.jmsaws.aws.QueueDirectory;
import io.jmsaws.provider.DeadLetterRule;
import jakarta.jms.JMSException;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import software.amazon.awssdk.services.sqs.model.ListQueuesResponse;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** The queues of a prefix with their counts and dead-letter rules, for {@link DeadLetterAdmin#queues()}. */
final class QueueListing {
    private static final int IN_FLIGHT = 20;
    private QueueListing() {
    }

    /** Lists the queues, then asks for every queue's attributes at once (one round trip for all after the listing). */
    static List<QueueSummary> list(SqsAsyncClient sqs, String prefix) throws JMSException {
        List<String> urls = new ArrayList<>();
        try {
            String next = null;
            do {
                String token = next;
                ListQueuesResponse page = sqs.listQueues(b -> b.queueNamePrefix(prefix.isEmpty() ? null : prefix).maxResults(1000).nextToken(token)).join();
                urls.addAll(page.queueUrls());
                next = page.nextToken();
            } while (next != null);
        } catch (RuntimeException e) {
            throw AwsErrors.toJms(e, "ListQueues", "prefix '" + prefix + "'");
        }
        // in parallel, but at most IN_FLIGHT at once: a listing of thousands of queues must not exhaust the client's connections
        List<CompletableFuture<Map<String, String>>> asked = new ArrayList<>();
        for (int from = 0; from < urls.size(); from += IN_FLIGHT) {
            List<CompletableFuture<Map<String, String>>> wave = urls.subList(from, Math.min(urls.size(), from + IN_FLIGHT)).stream()
                    .map(u -> sqs.getQueueAttributes(b -> b.queueUrl(u).attributeNamesWithStrings("All")).thenApply(r -> r.attributesAsStrings()))
                    .toList();
            CompletableFuture.allOf(wave.toArray(CompletableFuture[]::new)).handle((r, e) -> null).join();
            asked.addAll(wave);
        }
        Map<String, String> urlByName = new LinkedHashMap<>();
        Map<String, DeadLetterRule> rules = new LinkedHashMap<>();
        Map<String, Map<String, String>> attributes = new LinkedHashMap<>();
        for (int i = 0; i < urls.size(); i++) {
            String name = jmsName(urls.get(i), prefix);
            urlByName.put(name, urls.get(i));
            try {
                attributes.put(name, asked.get(i).join());
            } catch (RuntimeException e) {
                if (AwsErrors.isQueueMissing(e)) continue; // deleted since the listing (a temporary queue, say)
                throw AwsErrors.toJms(e, "GetQueueAttributes", name);
            }
            DeadLetterRule rule = QueueDirectory.deadLetterRule(attributes.get(name).get(QueueAttributeName.REDRIVE_POLICY.toString()));
            if (rule != null) rules.put(name, new DeadLetterRule(stripPrefix(rule.queueName(), prefix), rule.maxReceiveCount()));
        }
        List<QueueSummary> out = new ArrayList<>();
        for (Map.Entry<String, Map<String, String>> e : attributes.entrySet()) {
            String name = e.getKey();
            Map<String, String> a = e.getValue();
            List<String> feeding = rules.entrySet().stream().filter(r -> r.getValue().queueName().equals(name)).map(Map.Entry::getKey).toList();
            out.add(new QueueSummary(name, urlByName.get(name), name.endsWith(".fifo"), count(a, "ApproximateNumberOfMessages"),
                    count(a, "ApproximateNumberOfMessagesNotVisible"), count(a, "ApproximateNumberOfMessagesDelayed"), rules.get(name), feeding));
        }
        out.sort(Comparator.comparing(QueueSummary::name));
        return out;
    }

    /** See {@link DeadLetterAdmin#ping()}. */
    static boolean ping(SqsAsyncClient sqs, String prefix, String endpoint) throws JMSException {
        try {
            return !sqs.listQueues(b -> b.queueNamePrefix(prefix.isEmpty() ? null : prefix).maxResults(1)).join().queueUrls().isEmpty();
        } catch (RuntimeException e) {
            throw AwsErrors.toJms(e, "ListQueues", endpoint);
        }
    }

    private static long count(Map<String, String> attributes, String name) {
        String v = attributes.get(name);
        try {
            return v == null ? -1 : Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static String jmsName(String url, String prefix) {
        return stripPrefix(url.substring(url.lastIndexOf('/') + 1), prefix);
    }

    private static String stripPrefix(String name, String prefix) {
        return !prefix.isEmpty() && name.startsWith(prefix) ? name.substring(prefix.length()) : name;
    }
}
