package io.couriermq.samples.shop;

import io.couriermq.spring.annotation.ConsumeFromWhere;
import io.couriermq.spring.annotation.MQMessageListener;
import io.couriermq.spring.annotation.MessageModel;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/** Single-use coupons: redeemed when an order is paid, available again when it is cancelled. */
@Service
public class CouponService {
    private static final Logger log = LoggerFactory.getLogger(CouponService.class);

    private final Map<String, String> ownerByCoupon = new ConcurrentHashMap<>();
    private final Map<String, String> orderByCoupon = new ConcurrentHashMap<>();
    private final AppliedKeys restored = new AppliedKeys("coupon restore");

    public void issue(String couponId, String user) {
        ownerByCoupon.put(couponId, user);
    }

    public boolean isAvailable(String couponId) {
        return ownerByCoupon.containsKey(couponId) && !orderByCoupon.containsKey(couponId);
    }

    /** Redeems {@code couponId} for {@code orderId}; again for the same order is a no-op. */
    public void redeem(String couponId, String orderId) {
        String redeemedFor = orderByCoupon.putIfAbsent(couponId, orderId);
        if (redeemedFor != null && !redeemedFor.equals(orderId)) {
            throw new IllegalStateException("coupon " + couponId + " already redeemed for order " + redeemedFor);
        }
    }

    /** Broadcasting: every instance of the coupon service hears of each cancellation. */
    @MQMessageListener(
            topic = ShopTopics.ORDER,
            selectorExpression = ShopTopics.CANCEL,
            consumerGroup = "shop-coupon-restore",
            messageModel = MessageModel.BROADCASTING,
            consumeFromWhere = ConsumeFromWhere.FIRST_OFFSET)
    public void onOrderCancelled(OrderCancelled cancelled) {
        if (restored.firstDelivery(cancelled.orderId())) {
            orderByCoupon.entrySet().removeIf(entry -> {
                boolean ofOrder = entry.getValue().equals(cancelled.orderId());
                if (ofOrder) {
                    log.info(
                            "received order {} cancelled: coupon {} available again", entry.getValue(), entry.getKey());
                }
                return ofOrder;
            });
        }
    }

    public int restoreDeliveries(String orderId) {
        return restored.deliveries(orderId);
    }
}
