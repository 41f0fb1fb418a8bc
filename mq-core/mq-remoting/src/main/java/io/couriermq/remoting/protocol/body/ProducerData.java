package io.couriermq.remoting.protocol.body;

/** A producer group running on the heartbeating client. */
public record ProducerData(String groupName) {}
