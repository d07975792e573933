/**
 * The JMS message selector grammar (spec 3.8) and its evaluator, and the compiler of a selector into an
 * SNS filter policy (given the attribute naming by its caller). Imports limits only.
 */
package io.jmsaws.selector;
