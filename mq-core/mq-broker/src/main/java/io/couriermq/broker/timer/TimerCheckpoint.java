package io.couriermq.broker.timer;

/**
 * The timer's persisted progress.
 *
 * @param cursorMs every indexed entry effective before this time has been delivered
 * @param enqueueOffset every parked message below this timer-topic queue offset is in the index files
 */
record TimerCheckpoint(long cursorMs, long enqueueOffset) {}
