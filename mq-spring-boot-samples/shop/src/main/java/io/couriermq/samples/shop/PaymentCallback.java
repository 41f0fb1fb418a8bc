package io.couriermq.samples.shop;

import io.couriermq.spring.core.MQHeaders;
import io.couriermq.spring.core.MQTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.stereotype.Service;

/**
 * What the payment step calls when the user pays (in a real shop, the payment provider's callback, an
 * HTTP endpoint): takes the balance and the coupon, marks the order paid and publishes "paid". A repeated
 * callback for a paid order changes nothing.
 */
@Service
public class PaymentCallback {
    private static final Logger log = LoggerFactory.getLogger(PaymentCallback.class);

    private final OrderRepository orders;
    private final WalletService wallet;
    private final CouponService coupons;
    private final MQTemplate template;

    public PaymentCallback(OrderRepository orders, WalletService wallet, CouponService coupons, MQTemplate template) {
        this.orders = orders;
        this.wallet = wallet;
        this.coupons = coupons;
        this.template = template;
    }

    public void paid(String orderId) {
        Order order = orders.find(orderId).orElseThrow(() -> new IllegalArgumentException("no order " + orderId));
        wallet.pay(order);
        if (order.couponId() != null) {
            coupons.redeem(order.couponId(), orderId);
        }
        if (orders.markPaid(orderId)) {
            template.syncSend(
                    ShopTopics.destination(ShopTopics.PAID),
                    MessageBuilder.withPayload(new OrderPaid(orderId))
                            .setHeader(MQHeaders.KEYS, orderId)
                            .build());
            log.info("order {} paid", orderId);
        }
    }
}
