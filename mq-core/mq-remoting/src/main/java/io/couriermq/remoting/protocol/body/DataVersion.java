package io.couriermq.remoting.protocol.body;

/**
 * Version of a broker's topic table: a broker bumps it on every topic change, and the NameServer
 * re-reads a registration's topics only when it differs from the one it holds.
 */
public record DataVersion(long timestamp, long counter, long stateVersion) {}
