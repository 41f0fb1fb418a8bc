package io.couriermq.samples.dlq;

import io.couriermq.spring.core.MQTemplate;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

/** At start-up, sends a good payment, a malformed one and one to a frozen account. */
@Component
@ConditionalOnBooleanProperty(name = "samples.demo", matchIfMissing = true)
public class DlqDemo implements ApplicationRunner {
    private final MQTemplate template;
    private final PaymentListener payments;

    public DlqDemo(MQTemplate template, PaymentListener payments) {
        this.template = template;
        this.payments = payments;
    }

    @Override
    public void run(ApplicationArguments args) {
        payments.freeze("acct-frozen");
        template.syncSend(PaymentListener.TOPIC, new Payment("pay-1", "acct-1", 100));
        template.syncSend(PaymentListener.TOPIC, new Payment("pay-2", "acct-1", -5));
        template.syncSend(PaymentListener.TOPIC, new Payment("pay-3", "acct-frozen", 20));
    }
}
