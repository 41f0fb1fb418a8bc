package io.couriermq.compat.fuzz;

import io.couriermq.compat.fuzz.FrameCorpus.Request;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Turns the corpus into hostile bytes: a valid frame (JSON or binary "ROCKETMQ" header) with its
 * fields, code, body or JSON text mutated, its bytes flipped, its length fields forged, or cut short;
 * or plain random bytes. All randomness comes from the {@link Random} passed in, so a seed replays.
 */
final class FrameMutator {
    /**
     * Codes a random code never takes: the ones that change the node under test for everyone
     * (unregister, wipe write permission, delete topics or groups, change config or ACL), so the
     * checks afterwards test robustness, not whether a lucky frame reconfigured the node.
     */
    static final Set<Integer> DESTRUCTIVE_CODES =
            Set.of(25, 50, 51, 52, 53, 54, 104, 205, 207, 215, 216, 318, 327, 9150, 9151, 9161);

    private static final String[] HOSTILE_VALUES = {
        "",
        "-1",
        "0",
        "2147483648",
        "-2147483649",
        "9223372036854775807",
        "NaN",
        "null",
        "true",
        "\u0000",
        "T".repeat(213),
        "bad topic!",
        "%RETRY%",
        "{\"",
        "\uFFFF\uD800",
        "x".repeat(70_000)
    };

    private final List<Request> corpus = FrameCorpus.requests();
    private final Random random;
    private int opaque;

    FrameMutator(Random random) {
        this.random = random;
    }

    /** The bytes of one connection's worth of input: one to a few payloads, back to back. */
    byte[] nextWrite() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int payloads = 1 + random.nextInt(random.nextInt(10) == 0 ? 20 : 3);
        for (int i = 0; i < payloads; i++) {
            out.writeBytes(nextPayload());
        }
        return out.toByteArray();
    }

    private byte[] nextPayload() {
        Request request = corpus.get(random.nextInt(corpus.size()));
        return switch (random.nextInt(12)) {
            case 0 -> encode(request.withCode(randomCode()));
            case 1 -> encode(request.withExtFields(mutatedFields(request.extFields())));
            case 2 -> encode(request.withBody(mutatedBody(request.body())));
            case 3 -> flipBytes(encode(request));
            case 4 -> forgeTotalLength(encode(request));
            case 5 -> forgeHeaderLength(encode(request));
            case 6 -> truncate(encode(request));
            case 7 -> jsonFrame(mutatedJson(jsonHeader(request)), request.body());
            case 8 -> randomBytes(random.nextInt(2_000));
            case 9 -> frame(random.nextInt(256), randomBytes(random.nextInt(200)), randomBytes(random.nextInt(200)));
            case 10 ->
                encode(request.withExtFields(mutatedFields(request.extFields())).withCode(randomCode()));
            default -> encode(request);
        };
    }

    private int randomCode() {
        int code;
        do {
            code = random.nextInt(4) == 0 ? random.nextInt() : random.nextInt(1_000);
        } while (DESTRUCTIVE_CODES.contains(code));
        return code;
    }

    private Map<String, String> mutatedFields(Map<String, String> fields) {
        Map<String, String> mutated = new LinkedHashMap<>(fields);
        List<String> keys = new ArrayList<>(fields.keySet());
        int changes = 1 + random.nextInt(3);
        for (int i = 0; i < changes && !keys.isEmpty(); i++) {
            String key = keys.get(random.nextInt(keys.size()));
            switch (random.nextInt(4)) {
                case 0 -> mutated.remove(key);
                case 1 -> mutated.put(key, HOSTILE_VALUES[random.nextInt(HOSTILE_VALUES.length)]);
                case 2 -> mutated.put(key, Integer.toString(random.nextInt()));
                default -> mutated.put(key, new String(randomBytes(random.nextInt(40)), StandardCharsets.ISO_8859_1));
            }
        }
        if (random.nextInt(5) == 0) {
            mutated.put("k" + random.nextInt(100), HOSTILE_VALUES[random.nextInt(HOSTILE_VALUES.length)]);
        }
        return mutated;
    }

    private byte[] mutatedBody(byte[] body) {
        if (body == null || body.length == 0 || random.nextInt(4) == 0) {
            return randomBytes(random.nextInt(500));
        }
        String text = new String(body, StandardCharsets.UTF_8);
        return switch (random.nextInt(4)) {
            case 0 -> flipBytes(body.clone());
            case 1 -> java.util.Arrays.copyOf(body, random.nextInt(body.length));
            case 2 -> text.replaceFirst("\"[A-Za-z]+\":", "\"x\":").getBytes(StandardCharsets.UTF_8);
            default -> text.replaceFirst(":\"[^\"]*\"", ":null").getBytes(StandardCharsets.UTF_8);
        };
    }

    private String mutatedJson(String json) {
        StringBuilder text = new StringBuilder(json);
        int changes = 1 + random.nextInt(3);
        for (int i = 0; i < changes && text.length() > 0; i++) {
            int at = random.nextInt(text.length());
            switch (random.nextInt(3)) {
                case 0 -> text.deleteCharAt(at);
                case 1 -> text.setCharAt(at, "{}[]\":,0-9ae\\ ".charAt(random.nextInt(14)));
                default -> text.insert(at, "{}[]\":,".charAt(random.nextInt(7)));
            }
        }
        return text.toString();
    }

    private byte[] flipBytes(byte[] bytes) {
        int flips = 1 + random.nextInt(8);
        for (int i = 0; i < flips && bytes.length > 0; i++) {
            bytes[random.nextInt(bytes.length)] ^= (byte) (1 + random.nextInt(255));
        }
        return bytes;
    }

    private byte[] forgeTotalLength(byte[] frame) {
        int forged =
                switch (random.nextInt(4)) {
                    case 0 -> Integer.MAX_VALUE;
                    case 1 -> -1 - random.nextInt(100);
                    case 2 -> random.nextInt(1 << 26);
                    default -> frame.length - 4 + random.nextInt(33) - 16;
                };
        ByteBuffer.wrap(frame).putInt(0, forged);
        return frame;
    }

    private byte[] forgeHeaderLength(byte[] frame) {
        if (frame.length >= 8) {
            ByteBuffer.wrap(frame)
                    .putInt(4, random.nextBoolean() ? random.nextInt() : random.nextInt(frame.length * 2));
        }
        return frame;
    }

    private byte[] truncate(byte[] frame) {
        return java.util.Arrays.copyOf(frame, random.nextInt(frame.length));
    }

    private byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    private byte[] encode(Request request) {
        return random.nextInt(4) == 0 ? binaryFrame(request) : jsonFrame(jsonHeader(request), request.body());
    }

    private String jsonHeader(Request request) {
        StringBuilder json = new StringBuilder("{\"code\":")
                .append(request.code())
                .append(",\"flag\":0,\"language\":\"JAVA\",\"opaque\":")
                .append(++opaque)
                .append(",\"serializeTypeCurrentRPC\":\"JSON\",\"version\":453,\"extFields\":{");
        String separator = "";
        for (Map.Entry<String, String> field : request.extFields().entrySet()) {
            json.append(separator).append(quote(field.getKey())).append(':').append(quote(field.getValue()));
            separator = ",";
        }
        return json.append("}}").toString();
    }

    private static byte[] jsonFrame(String header, byte[] body) {
        return frame(0, header.getBytes(StandardCharsets.UTF_8), body);
    }

    /** RocketMQ's binary header: code, language, version, opaque, flag, remark, then the ext fields. */
    private byte[] binaryFrame(Request request) {
        ByteArrayOutputStream ext = new ByteArrayOutputStream();
        for (Map.Entry<String, String> field : request.extFields().entrySet()) {
            byte[] key = field.getKey().getBytes(StandardCharsets.UTF_8);
            byte[] value = field.getValue().getBytes(StandardCharsets.UTF_8);
            ext.writeBytes(ByteBuffer.allocate(2).putShort((short) key.length).array());
            ext.writeBytes(key);
            ext.writeBytes(ByteBuffer.allocate(4).putInt(value.length).array());
            ext.writeBytes(value);
        }
        byte[] extBytes = ext.toByteArray();
        ByteBuffer header = ByteBuffer.allocate(2 + 1 + 2 + 4 + 4 + 4 + 4 + extBytes.length);
        header.putShort((short) request.code())
                .put((byte) 0)
                .putShort((short) 453)
                .putInt(++opaque)
                .putInt(0)
                .putInt(0)
                .putInt(extBytes.length)
                .put(extBytes);
        return frame(1, header.array(), request.body());
    }

    private static byte[] frame(int serializeType, byte[] header, byte[] body) {
        int bodyLength = body == null ? 0 : body.length;
        ByteBuffer frame = ByteBuffer.allocate(8 + header.length + bodyLength);
        frame.putInt(4 + header.length + bodyLength);
        frame.putInt((serializeType << 24) | (header.length & 0xFFFFFF));
        frame.put(header);
        if (body != null) {
            frame.put(body);
        }
        return frame.array();
    }

    private static String quote(String value) {
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        quoted.append(String.format("\\u%04x", (int) c));
                    } else {
                        quoted.append(c);
                    }
                }
            }
        }
        return quoted.append('"').toString();
    }
}
