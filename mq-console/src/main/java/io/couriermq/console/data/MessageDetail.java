package io.couriermq.console.data;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/** A message's page: where it is, its properties and its body. */
public record MessageDetail(
        MessageRow summary,
        String bornHost,
        String storeHost,
        long bornTimeMs,
        int reconsumeTimes,
        Map<String, String> properties,
        byte[] body) {

    public MessageDetail {
        properties = java.util.Collections.unmodifiableMap(new TreeMap<>(properties));
        body = body == null ? new byte[0] : body.clone();
    }

    /** The body as UTF-8 text when it is valid UTF-8, else null (show {@link #bodyHex()}). */
    public String bodyText() {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(body))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /** The first 4 KiB of the body in hex, for binary bodies. */
    public String bodyHex() {
        int shown = Math.min(body.length, 4096);
        return HexFormat.ofDelimiter(" ").formatHex(body, 0, shown) + (shown < body.length ? " ..." : "");
    }
}
