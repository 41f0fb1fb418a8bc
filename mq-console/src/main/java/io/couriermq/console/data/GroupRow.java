package io.couriermq.console.data;

/** One consumer group in the list: online members, total lag and consume TPS (as the brokers report it). */
public record GroupRow(String name, int memberCount, long lag, double consumeTps) {}
