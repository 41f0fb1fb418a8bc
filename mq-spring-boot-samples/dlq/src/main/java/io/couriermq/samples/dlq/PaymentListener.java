package io.couriermq.samples.dlq;

import io.couriermq.spring.annotation.ConsumeFromWhere;
import io.couriermq.spring.annotation.MQMessageListener;
import io.couriermq.spring.core.MQListener;
import io.couriermq.spring.core.MQNonRetryableException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Books payments. A malformed one (no account, an amount that is not positive) can never succeed, so it
 * throws {@link MQNonRetryableException}: straight to the dead-letter queue. A payment to a frozen
 * account throws a plain exception, as a failure that might pass: the broker delivers it again after
 * delay level 1 (1 s), once ({@code maxReconsumeTimes = 1}), then moves it to the dead-letter queue.
 */
@Component
@MQMessageListener(
        topic = PaymentListener.TOPIC,
        consumerGroup = PaymentListener.GROUP,
        maxReconsumeTimes = 1,
        delayLevelWhenNextConsume = 1,
        consumeFromWhere = ConsumeFromWhere.FIRST_OFFSET)
public class PaymentListener implements MQListener<Payment> {
    static final String TOPIC = "dlq-payments";
    static final String GROUP = "dlq-payments-group";
    private static final Logger log = LoggerFactory.getLogger(PaymentListener.class);

    private final Set<String> frozenAccounts = ConcurrentHashMap.newKeySet();
    private final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
    private final List<Payment> booked = new CopyOnWriteArrayList<>();

    @Override
    public void onMessage(Payment payment) {
        attempts.computeIfAbsent(payment.id(), id -> new AtomicInteger()).incrementAndGet();
        if (payment.account() == null || payment.amount() <= 0) {
            throw new MQNonRetryableException("malformed payment " + payment);
        }
        if (frozenAccounts.contains(payment.account())) {
            throw new IllegalStateException("account " + payment.account() + " is frozen");
        }
        booked.add(payment);
        log.info("received payment {}: booked {} to {}", payment.id(), payment.amount(), payment.account());
    }

    public void freeze(String account) {
        frozenAccounts.add(account);
    }

    /** How often the payment was delivered to this listener. */
    public int attempts(String paymentId) {
        AtomicInteger count = attempts.get(paymentId);
        return count == null ? 0 : count.get();
    }

    public List<Payment> booked() {
        return List.copyOf(booked);
    }
}
