package io.couriermq.remoting.protocol.body;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One assigned queue of a push consumer as GET_CONSUMER_RUNNING_INFO reports it. The names are the
 * official ones, {@code droped} included; {@code cachedMsgMin/MaxOffset} are 0 when nothing is cached, and
 * the {@code transactionMsg*} figures describe the messages an orderly listener is working on.
 */
@JsonPropertyOrder({
    "cachedMsgCount",
    "cachedMsgMaxOffset",
    "cachedMsgMinOffset",
    "cachedMsgSizeInMiB",
    "commitOffset",
    "droped",
    "lastConsumeTimestamp",
    "lastLockTimestamp",
    "lastPullTimestamp",
    "locked",
    "transactionMsgCount",
    "transactionMsgMaxOffset",
    "transactionMsgMinOffset",
    "tryUnlockTimes"
})
public record ProcessQueueInfo(
        long commitOffset,
        long cachedMsgMinOffset,
        long cachedMsgMaxOffset,
        int cachedMsgCount,
        int cachedMsgSizeInMiB,
        long transactionMsgMinOffset,
        long transactionMsgMaxOffset,
        int transactionMsgCount,
        boolean locked,
        long tryUnlockTimes,
        long lastLockTimestamp,
        boolean droped,
        long lastPullTimestamp,
        long lastConsumeTimestamp) {}
