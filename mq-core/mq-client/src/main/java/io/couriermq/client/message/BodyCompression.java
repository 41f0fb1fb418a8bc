package io.couriermq.client.message;

import io.couriermq.client.ClientException;
import io.couriermq.common.message.MessageSysFlag;
import java.io.ByteArrayOutputStream;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * Body compression as the protocol defines it: zlib, flagged by COMPRESSED in the system flag plus the
 * 5.x compression-type bits (ZLIB = 0x300; 0 with COMPRESSED also means zlib, from 4.x producers).
 */
public final class BodyCompression {
    /** COMPRESSED together with the 5.x ZLIB type bits, what a producer sets. */
    public static final int ZLIB_FLAGS = MessageSysFlag.COMPRESSED | 0x300;

    private static final int TYPE_MASK = 0x700;
    private static final int ZLIB_TYPE = 0x300;
    private static final int LEVEL = 5;

    private BodyCompression() {}

    public static byte[] compress(byte[] body) {
        Deflater deflater = new Deflater(LEVEL);
        try {
            deflater.setInput(body);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, body.length / 2));
            byte[] chunk = new byte[8192];
            while (!deflater.finished()) {
                out.write(chunk, 0, deflater.deflate(chunk));
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }

    /** The body as the producer wrote it: inflated when the flag says it was compressed with zlib. */
    public static byte[] decompress(byte[] body, int sysFlag) {
        if ((sysFlag & MessageSysFlag.COMPRESSED) == 0) {
            return body;
        }
        int type = sysFlag & TYPE_MASK;
        if (type != 0 && type != ZLIB_TYPE) {
            throw new ClientException(
                    "message body compressed with type 0x" + Integer.toHexString(type)
                            + " (LZ4 or ZSTD); only zlib is supported",
                    -1,
                    false);
        }
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(body);
            ByteArrayOutputStream out = new ByteArrayOutputStream(body.length * 3);
            byte[] chunk = new byte[8192];
            while (!inflater.finished()) {
                int inflated = inflater.inflate(chunk);
                if (inflated == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new ClientException("compressed message body is truncated", -1, false);
                }
                out.write(chunk, 0, inflated);
            }
            return out.toByteArray();
        } catch (DataFormatException e) {
            throw new ClientException("compressed message body is corrupt: " + e.getMessage(), -1, false, e);
        } finally {
            inflater.end();
        }
    }
}
