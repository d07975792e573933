package io.jmsaws.embedded;

import java.util.function.Predicate;

/** What a ReceiveMessage asks of an embedded queue: how many, for how long hidden, which attributes. */
record ReceiveSpec(int max, Integer visibilityTimeout, Predicate<String> systemAttributes, Predicate<String> messageAttributes) {
}
