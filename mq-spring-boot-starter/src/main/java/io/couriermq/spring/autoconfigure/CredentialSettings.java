package io.couriermq.spring.autoconfigure;

import io.couriermq.remoting.security.Credentials;

/**
 * ACL credentials from a pair of settings (the {@code courier.*access-key}/{@code secret-key} keys or a
 * listener's attributes): both blank means none, one without the other fails start-up naming the
 * missing one. A failure never shows a secret: the value reported is the access key or nothing.
 */
public final class CredentialSettings {
    private CredentialSettings() {}

    /**
     * The credentials of {@code accessKey} and {@code secretKey} (named {@code accessKeyName} and {@code
     * secretKeyName} in failures), or null when neither is set.
     */
    public static Credentials of(
            String accessKeyName, String accessKey, String secretKeyName, String secretKey, String securityToken) {
        boolean hasAccessKey = accessKey != null && !accessKey.isBlank();
        boolean hasSecretKey = secretKey != null && !secretKey.isBlank();
        if (!hasAccessKey && !hasSecretKey) {
            return null;
        }
        if (!hasSecretKey) {
            throw new MQConfigurationException(
                    secretKeyName,
                    "",
                    "an access key (" + accessKeyName + "=" + accessKey.trim() + ") needs its secret key",
                    "Set " + secretKeyName + ", or remove " + accessKeyName + " to send unsigned requests.");
        }
        if (!hasAccessKey) {
            throw new MQConfigurationException(
                    accessKeyName,
                    "",
                    "a secret key is set without an access key",
                    "Set " + accessKeyName + " to the account the secret key belongs to, or remove " + secretKeyName
                            + ".");
        }
        return new Credentials(accessKey.trim(), secretKey.trim(), securityToken);
    }
}
