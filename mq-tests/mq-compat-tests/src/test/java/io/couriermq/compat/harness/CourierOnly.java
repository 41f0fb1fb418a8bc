package io.couriermq.compat.harness;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * A broker proof that only our broker passes: it checks a CourierMQ guarantee that Apache RocketMQ
 * 5.2.0 does not give. The {@code official-broker} execution runs the proofs against the official
 * broker and leaves these out ({@code excludedGroups}); {@link #value} says what the official broker
 * does instead.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Tag(CourierOnly.TAG)
public @interface CourierOnly {
    String TAG = "courier-only";

    /** Why the official broker fails it. */
    String value();
}
