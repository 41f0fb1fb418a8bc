package io.couriermq.spring.listener;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.core.ResolvableType;

/** Which methods are batch listeners, and what their list holds. */
class MethodListenerInvokerTest {

    record Order(String id) {}

    abstract static class BatchBase<T> {
        public void onBatch(List<T> batch) {}
    }

    static class Orders extends BatchBase<Order> {
        public void onOne(Order order) {}

        public void onStrings(List<String> strings) {}
    }

    @Test
    void aListParameterMakesABatchAndItsElementTypeIsRead() throws Exception {
        Method method = Orders.class.getMethod("onStrings", List.class);

        ResolvableType element = MethodListenerInvoker.batchElementOf(method, Orders.class);

        assertThat(element.resolve()).isEqualTo(String.class);
    }

    @Test
    void anInheritedBatchMethodGetsTheElementTypeOfTheBeansClass() throws Exception {
        Method method = Orders.class.getMethod("onBatch", List.class);

        ResolvableType element = MethodListenerInvoker.batchElementOf(method, Orders.class);

        assertThat(element.resolve()).isEqualTo(Order.class);
    }

    @Test
    void aSingleMessageMethodIsNoBatch() throws Exception {
        assertThat(MethodListenerInvoker.batchElementOf(Orders.class.getMethod("onOne", Order.class), Orders.class))
                .isNull();
    }
}
