package io.couriermq.samples.dlq;

/** A payment to book, sent as JSON. */
public record Payment(String id, String account, long amount) {}
