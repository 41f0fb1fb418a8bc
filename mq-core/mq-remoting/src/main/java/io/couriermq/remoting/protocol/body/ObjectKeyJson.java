package io.couriermq.remoting.protocol.body;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Rewrites fastjson's object map keys ({@code {{"brokerName":"b","queueId":0,"topic":"T"}:5}}, doc §3.0
 * quirk 2) into the string-key form standard JSON parsers read ({@code {"{\"brokerName\":...}":5}}), so
 * that a MessageQueue-keyed body an official broker or client wrote can be decoded with {@link
 * RemotingJson}. Text that has no object keys comes back unchanged; nothing else is validated here, the
 * JSON parser does that afterwards.
 */
public final class ObjectKeyJson {

    private ObjectKeyJson() {}

    /** The body with every object used as a map key turned into a JSON string holding that object's text. */
    public static byte[] normalize(byte[] json) {
        return normalize(new String(json, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
    }

    static String normalize(String text) {
        StringBuilder out = new StringBuilder(text.length() + 64);
        // true while the next token of the innermost object is a key: right after '{' or a ',' in an object
        KeyExpectations expectingKey = new KeyExpectations();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '"') {
                int end = endOfString(text, i);
                out.append(text, i, end);
                i = end;
                continue;
            }
            if (c == '{' && expectingKey.peek()) {
                int end = endOfValue(text, i);
                appendAsString(out, text.substring(i, end));
                expectingKey.set(false);
                i = end;
                continue;
            }
            switch (c) {
                case '{' -> expectingKey.push(true);
                case '[' -> expectingKey.push(false);
                case '}', ']' -> expectingKey.pop();
                case ',' -> expectingKey.set(expectingKey.inObject());
                case ':' -> expectingKey.set(false);
                default -> {
                    if (!Character.isWhitespace(c)) {
                        expectingKey.set(false);
                    }
                }
            }
            out.append(c);
            i++;
        }
        return out.toString();
    }

    /** Index just past the string literal starting at {@code start}. */
    private static int endOfString(String text, int start) {
        int i = start + 1;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\\') {
                i += 2;
            } else if (c == '"') {
                return i + 1;
            } else {
                i++;
            }
        }
        return text.length();
    }

    /** Index just past the balanced object starting at {@code start}. */
    private static int endOfValue(String text, int start) {
        int depth = 0;
        int i = start;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '"') {
                i = endOfString(text, i);
                continue;
            }
            if (c == '{' || c == '[') {
                depth++;
            } else if ((c == '}' || c == ']') && --depth == 0) {
                return i + 1;
            }
            i++;
        }
        return text.length();
    }

    private static void appendAsString(StringBuilder out, String raw) {
        out.append('"');
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\');
            }
            out.append(c);
        }
        out.append('"');
    }

    /** Per nesting level: is it an object, and does it expect a key next. */
    private static final class KeyExpectations {
        private boolean[] object = new boolean[16];
        private boolean[] key = new boolean[16];
        private int depth;

        void push(boolean isObject) {
            if (depth == object.length) {
                object = Arrays.copyOf(object, depth * 2);
                key = Arrays.copyOf(key, depth * 2);
            }
            object[depth] = isObject;
            key[depth] = isObject;
            depth++;
        }

        void pop() {
            if (depth > 0) {
                depth--;
            }
        }

        boolean peek() {
            return depth > 0 && key[depth - 1];
        }

        boolean inObject() {
            return depth > 0 && object[depth - 1];
        }

        void set(boolean expecting) {
            if (depth > 0) {
                key[depth - 1] = expecting;
            }
        }
    }
}
