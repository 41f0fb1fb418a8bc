package io.couriermq.console.data;

/** One online member of a consumer group. */
public record MemberRow(String clientId, String address, String language, String version) {}
