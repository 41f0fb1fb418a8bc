package io.couriermq.admin.group;

/** One connected consumer client: its id, address, language and protocol version. */
public record ClientConnection(String clientId, String clientAddress, String language, int version) {}
