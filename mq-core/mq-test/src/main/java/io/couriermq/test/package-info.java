/**
 * Test support: {@link io.couriermq.test.EmbeddedCluster}, real NameServers and brokers in one JVM,
 * and its JUnit 5 extension in {@code junit}. For other modules' tests, in test scope.
 */
package io.couriermq.test;
