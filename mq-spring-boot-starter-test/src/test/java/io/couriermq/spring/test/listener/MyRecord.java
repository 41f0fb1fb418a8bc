package io.couriermq.spring.test.listener;

/** The JSON payload of the listener tests: a record, so equality checks the whole round trip. */
record MyRecord(String id, int amount) {}
