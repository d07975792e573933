/**
 * Queue, topic and temporary destination values, with the queue options a name may carry (FIFO,
 * dead-letter queue, redrive). Imports limits only.
 */
package io.jmsaws.destination;
