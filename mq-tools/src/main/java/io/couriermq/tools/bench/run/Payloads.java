package io.couriermq.tools.bench.run;

import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;

/** Message bodies: random bytes made once (the broker does not care), shared by every send. */
final class Payloads {
    private Payloads() {}

    static byte[] body(int sizeBytes) {
        byte[] body = new byte[sizeBytes];
        new SplittableRandom(sizeBytes).nextBytes(body);
        return body;
    }

    static List<byte[]> batch(int sizeBytes, int count) {
        return Collections.nCopies(count, body(sizeBytes));
    }
}
