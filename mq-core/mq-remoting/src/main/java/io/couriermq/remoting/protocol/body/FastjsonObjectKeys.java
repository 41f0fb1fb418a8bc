package io.couriermq.remoting.protocol.body;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Turns fastjson's object-valued map keys into standard JSON string keys. Official clients write a map
 * keyed by an object, e.g. {@code {"messageQueueTable":{{"brokerName":"b","queueId":0,"topic":"T"}:5}}},
 * which is not JSON; rewritten, the key is that object's text as a string, the form {@link
 * MessageQueueKeyDeserializer} reads. Everything else, string keys included, is copied unchanged, so a
 * body that is already standard JSON comes out byte for byte the same.
 */
public final class FastjsonObjectKeys {
    private FastjsonObjectKeys() {}

    public static byte[] toStandardJson(byte[] json) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(json.length + 64);
        Deque<Boolean> inObject = new ArrayDeque<>();
        boolean expectKey = false;
        int i = 0;
        while (i < json.length) {
            byte b = json[i];
            if (b == '"') {
                int end = stringEnd(json, i);
                out.write(json, i, end - i);
                i = end;
                continue;
            }
            if (b == '{' && expectKey) {
                int end = objectEnd(json, i);
                String key = new String(json, i, end - i, StandardCharsets.UTF_8);
                out.writeBytes(RemotingJson.mapper().writeValueAsBytes(key));
                expectKey = false;
                i = end;
                continue;
            }
            switch (b) {
                case '{' -> {
                    inObject.push(true);
                    expectKey = true;
                }
                case '[' -> {
                    inObject.push(false);
                    expectKey = false;
                }
                case '}', ']' -> {
                    inObject.poll();
                    expectKey = false;
                }
                case ',' -> expectKey = Boolean.TRUE.equals(inObject.peek());
                case ':' -> expectKey = false;
                default -> {}
            }
            out.write(b);
            i++;
        }
        return out.toByteArray();
    }

    /** The index just past the string starting at {@code start} (a quote), escapes honoured. */
    private static int stringEnd(byte[] json, int start) {
        int i = start + 1;
        while (i < json.length) {
            if (json[i] == '\\') {
                i += 2;
            } else if (json[i] == '"') {
                return i + 1;
            } else {
                i++;
            }
        }
        return json.length;
    }

    /** The index just past the object starting at {@code start}, nested objects and strings skipped. */
    private static int objectEnd(byte[] json, int start) {
        int depth = 0;
        int i = start;
        while (i < json.length) {
            byte b = json[i];
            if (b == '"') {
                i = stringEnd(json, i);
                continue;
            }
            if (b == '{') {
                depth++;
            } else if (b == '}' && --depth == 0) {
                return i + 1;
            }
            i++;
        }
        return json.length;
    }
}
