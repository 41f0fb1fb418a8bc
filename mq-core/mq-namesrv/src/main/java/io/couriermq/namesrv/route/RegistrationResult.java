package io.couriermq.namesrv.route;

/** What a registering broker is told: for a slave, its live master's address and HA address. */
public record RegistrationResult(String masterAddr, String haServerAddr) {}
