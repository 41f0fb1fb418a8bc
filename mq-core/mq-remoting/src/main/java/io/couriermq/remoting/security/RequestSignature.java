package io.couriermq.remoting.security;

import io.couriermq.remoting.protocol.BufferBody;
import io.couriermq.remoting.protocol.RemotingCommand;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * RocketMQ's ACL 1.0 request signature, as the official {@code AclClientRPCHook} computes it and its
 * broker checks it: HMAC-SHA1 (Base64) keyed with the secret, over the values of every ext field except
 * {@code Signature}, sorted by key in Java string order and concatenated without separators (UTF-8),
 * followed by the body bytes as they go on the wire. The code, opaque, flag, remark and the keys
 * themselves are not signed.
 */
public final class RequestSignature {
    public static final String ACCESS_KEY = "AccessKey";
    public static final String SIGNATURE = "Signature";
    public static final String SECURITY_TOKEN = "SecurityToken";

    /** Left out of the signed content for clients up to V4_9_3 (version 399), as the official broker does. */
    static final String UNIQUE_KEY_QUERY = "_UNIQUE_KEY_QUERY";

    private static final int V4_9_3 = 399;
    private static final String ALGORITHM = "HmacSHA1";

    private static final ThreadLocal<KeyedMac> MACS = new ThreadLocal<>();

    private RequestSignature() {}

    /** The request with {@code AccessKey}, {@code SecurityToken} (if any) and a fresh {@code Signature}. */
    public static RemotingCommand sign(RemotingCommand request, Credentials credentials) {
        RemotingCommand.Builder signed = request.toBuilder()
                .extField(ACCESS_KEY, credentials.accessKey())
                .extField(SECURITY_TOKEN, credentials.securityToken());
        RemotingCommand unsigned = signed.build();
        return unsigned.toBuilder()
                .extField(SIGNATURE, compute(unsigned.extFields(), bodyOf(unsigned), credentials.secretKey()))
                .build();
    }

    /**
     * The signature of {@code request} under {@code secretKey}, computed as the official broker does on
     * receipt (including its rule for old clients' {@code _UNIQUE_KEY_QUERY}).
     */
    public static String expected(RemotingCommand request, String secretKey) {
        Map<String, String> fields = request.extFields();
        if (request.version() <= V4_9_3 && fields.containsKey(UNIQUE_KEY_QUERY)) {
            Map<String, String> without = new TreeMap<>(fields);
            without.remove(UNIQUE_KEY_QUERY);
            fields = without;
        }
        return compute(fields, bodyOf(request), secretKey);
    }

    /** Whether {@code request} carries the signature {@code secretKey} gives it; compared in constant time. */
    public static boolean verify(RemotingCommand request, String secretKey) {
        String sent = request.extField(SIGNATURE);
        if (sent == null) {
            return false;
        }
        byte[] expected = expected(request, secretKey).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, sent.getBytes(StandardCharsets.UTF_8));
    }

    /** The signature over {@code extFields} (its {@code Signature} entry skipped) and {@code body}. */
    public static String compute(Map<String, String> extFields, byte[] body, String secretKey) {
        StringBuilder content = new StringBuilder(128);
        new TreeMap<>(extFields).forEach((key, value) -> {
            if (!SIGNATURE.equals(key) && value != null) {
                content.append(value);
            }
        });
        Mac mac = newMac(secretKey);
        mac.update(content.toString().getBytes(StandardCharsets.UTF_8));
        if (body != null && body.length > 0) {
            mac.update(body);
        }
        return Base64.getEncoder().encodeToString(mac.doFinal());
    }

    private static byte[] bodyOf(RemotingCommand command) {
        BufferBody buffers = command.bufferBody();
        if (buffers == null) {
            return command.body();
        }
        byte[] bytes = new byte[buffers.length()];
        int at = 0;
        for (ByteBuffer buffer : buffers.buffers()) {
            int length = buffer.remaining();
            buffer.get(bytes, at, length);
            at += length;
        }
        return bytes;
    }

    /** One Mac per thread and secret: creating one costs more than signing a small request. */
    private static Mac newMac(String secretKey) {
        KeyedMac cached = MACS.get();
        if (cached != null && cached.secretKey.equals(secretKey)) {
            cached.mac.reset();
            return cached.mac;
        }
        Mac mac = createMac(secretKey);
        MACS.set(new KeyedMac(secretKey, mac));
        return mac;
    }

    private record KeyedMac(String secretKey, Mac mac) {}

    private static Mac createMac(String secretKey) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(secretKey.getBytes(StandardCharsets.UTF_8), ALGORITHM));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no " + ALGORITHM, e);
        }
    }
}
