package io.couriermq.samples.delay;

/** The message payload, sent as JSON. */
public record Reminder(String text) {}
