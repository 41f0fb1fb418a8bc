package io.couriermq.samples.shop;

import io.couriermq.spring.annotation.ConsumeFromWhere;
import io.couriermq.spring.annotation.MQMessageListener;
import io.couriermq.spring.annotation.MessageModel;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/** Users' balances in cents: orders are paid from them, and refunded when cancelled. */
@Service
public class WalletService {
    private static final Logger log = LoggerFactory.getLogger(WalletService.class);

    private record Payment(String user, long amount) {}

    private final Map<String, Long> balances = new ConcurrentHashMap<>();
    private final Map<String, Payment> payments = new ConcurrentHashMap<>();
    private final AppliedKeys refunded = new AppliedKeys("wallet refund");

    public void deposit(String user, long amount) {
        balances.merge(user, amount, Long::sum);
    }

    public long balance(String user) {
        return balances.getOrDefault(user, 0L);
    }

    /** Pays {@code order} from its user's balance; paying the same order again is a no-op. */
    public synchronized void pay(Order order) {
        if (payments.containsKey(order.id())) {
            return;
        }
        if (balance(order.user()) < order.amount()) {
            throw new IllegalStateException("balance of " + order.user() + " below " + order.amount());
        }
        balances.merge(order.user(), -order.amount(), Long::sum);
        payments.put(order.id(), new Payment(order.user(), order.amount()));
    }

    /** Broadcasting: every instance of the wallet service hears of each cancellation. */
    @MQMessageListener(
            topic = ShopTopics.ORDER,
            selectorExpression = ShopTopics.CANCEL,
            consumerGroup = "shop-wallet-refund",
            messageModel = MessageModel.BROADCASTING,
            consumeFromWhere = ConsumeFromWhere.FIRST_OFFSET)
    public void onOrderCancelled(OrderCancelled cancelled) {
        Payment payment = payments.get(cancelled.orderId());
        if (refunded.firstDelivery(cancelled.orderId()) && payment != null) {
            balances.merge(payment.user(), payment.amount(), Long::sum);
            log.info(
                    "received order {} cancelled: {} refunded to {}",
                    cancelled.orderId(),
                    payment.amount(),
                    payment.user());
        }
    }

    public int refundDeliveries(String orderId) {
        return refunded.deliveries(orderId);
    }
}
