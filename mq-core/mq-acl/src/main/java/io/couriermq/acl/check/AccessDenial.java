package io.couriermq.acl.check;

/**
 * A refused request: the reason, the message RocketMQ 5.2.0 gives for it (its AclException message) and
 * the access key the request named (null when none).
 */
public record AccessDenial(DenialReason reason, String message, String accessKey) {}
