package io.couriermq.remoting.security;

import java.util.Objects;

/**
 * An ACL identity as RocketMQ's ACL 1.0 knows it: the access key sent in every request, the secret key
 * that signs it (never sent) and an optional security token (sent and signed, checked by nobody).
 */
public record Credentials(String accessKey, String secretKey, String securityToken) {

    public Credentials {
        Objects.requireNonNull(accessKey, "accessKey");
        Objects.requireNonNull(secretKey, "secretKey");
        if (accessKey.isBlank() || secretKey.isBlank()) {
            throw new IllegalArgumentException("accessKey and secretKey must not be blank");
        }
        securityToken = securityToken == null || securityToken.isBlank() ? null : securityToken;
    }

    public Credentials(String accessKey, String secretKey) {
        this(accessKey, secretKey, null);
    }

    /** Never shows the secret: credentials end up in logs through the objects that hold them. */
    @Override
    public String toString() {
        return "Credentials[accessKey=" + accessKey + (securityToken == null ? "" : ", securityToken=***") + "]";
    }
}
