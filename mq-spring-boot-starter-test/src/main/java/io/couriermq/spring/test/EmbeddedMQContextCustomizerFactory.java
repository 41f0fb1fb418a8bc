package io.couriermq.spring.test;

import java.util.List;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.TestContextAnnotationUtils;

/** Registered in {@code spring.factories}: gives test classes annotated with {@link EmbeddedMQ} their cluster. */
public class EmbeddedMQContextCustomizerFactory implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(
            Class<?> testClass, List<ContextConfigurationAttributes> configAttributes) {
        EmbeddedMQ annotation = TestContextAnnotationUtils.findMergedAnnotation(testClass, EmbeddedMQ.class);
        return annotation == null ? null : new EmbeddedMQContextCustomizer(annotation);
    }
}
