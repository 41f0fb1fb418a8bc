package io.couriermq.samples.quickstart;

/** A payload object: the template sends it as JSON, the listener gets it back as a {@code Greeting}. */
public record Greeting(String from, String text) {}
