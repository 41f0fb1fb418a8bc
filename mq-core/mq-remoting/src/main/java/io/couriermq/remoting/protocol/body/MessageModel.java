package io.couriermq.remoting.protocol.body;

/** CLUSTERING shares a group's queues among its members; BROADCASTING gives every member every queue. */
public enum MessageModel {
    BROADCASTING,
    CLUSTERING
}
