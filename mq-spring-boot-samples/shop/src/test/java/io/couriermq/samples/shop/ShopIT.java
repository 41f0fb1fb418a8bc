package io.couriermq.samples.shop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.couriermq.spring.core.MQHeaders;
import io.couriermq.spring.core.MQTemplate;
import io.couriermq.spring.test.EmbeddedMQ;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.messaging.support.MessageBuilder;

/** The order flow end to end; each test has its own order, user, SKU and coupon. */
@SpringBootTest(properties = {"samples.demo=false", "courier.consumer.offset-store-dir=target/broadcasting-offsets"})
@EmbeddedMQ(topics = "shop-order:4")
class ShopIT {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @Autowired
    OrderService orderService;

    @Autowired
    PaymentCallback payments;

    @Autowired
    OrderRepository orders;

    @Autowired
    StockService stock;

    @Autowired
    WalletService wallet;

    @Autowired
    CouponService coupons;

    @Autowired
    MQTemplate template;

    @Test
    void aGoodOrderEndsPaidWithItsStockTakenOnce() {
        stock.restock("good-sku", 10);
        wallet.deposit("good-user", 5_000);
        coupons.issue("good-coupon", "good-user");
        Order order = new Order("good-order", "good-user", "good-sku", 2, 3_000, "good-coupon");

        assertThat(orderService.placeOrder(order)).isTrue();
        await().atMost(WAIT).until(() -> stock.available("good-sku") == 8);
        payments.paid(order.id());
        payments.paid(order.id()); // a repeated callback

        await().atMost(WAIT).until(() -> stock.isConfirmed(order.id()));
        assertThat(orders.status(order.id())).contains(OrderStatus.PAID);
        assertThat(wallet.balance("good-user")).isEqualTo(2_000);
        assertThat(coupons.isAvailable("good-coupon")).isFalse();

        // the "created" message once more, as a redelivery would bring it
        send(ShopTopics.CREATED, order.id(), order);
        await().atMost(WAIT).until(() -> stock.reservationDeliveries(order.id()) == 2);
        assertThat(stock.available("good-sku")).isEqualTo(8);
    }

    @Test
    void anOrderWhoseStockCannotBeConfirmedIsCancelledAndEverythingGivenBackOnce() {
        stock.restock("gone-sku", 5);
        stock.discontinue("gone-sku");
        wallet.deposit("gone-user", 5_000);
        coupons.issue("gone-coupon", "gone-user");
        Order order = new Order("gone-order", "gone-user", "gone-sku", 1, 4_000, "gone-coupon");

        assertThat(orderService.placeOrder(order)).isTrue();
        await().atMost(WAIT).until(() -> stock.available("gone-sku") == 4);
        payments.paid(order.id());
        assertThat(wallet.balance("gone-user")).isEqualTo(1_000);
        assertThat(coupons.isAvailable("gone-coupon")).isFalse();

        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(orders.status(order.id())).contains(OrderStatus.CANCELLED);
            assertThat(stock.available("gone-sku")).isEqualTo(5);
            assertThat(wallet.balance("gone-user")).isEqualTo(5_000);
            assertThat(coupons.isAvailable("gone-coupon")).isTrue();
        });
        assertThat(stock.isConfirmed(order.id())).isFalse();

        // the "cancel" message once more: every restoring service must recognise it
        send(ShopTopics.CANCEL, order.id(), new OrderCancelled(order.id(), "redelivered"));
        await().atMost(WAIT)
                .until(() -> stock.restoreDeliveries(order.id()) == 2
                        && coupons.restoreDeliveries(order.id()) == 2
                        && wallet.refundDeliveries(order.id()) == 2);
        assertThat(stock.available("gone-sku")).isEqualTo(5);
        assertThat(wallet.balance("gone-user")).isEqualTo(5_000);
        assertThat(coupons.isAvailable("gone-coupon")).isTrue();
    }

    @Test
    void anOrderTheUserCannotAffordIsRolledBackAndItsCreatedMessageNeverDelivered() {
        stock.restock("poor-sku", 3);
        wallet.deposit("poor-user", 100);
        Order order = new Order("poor-order", "poor-user", "poor-sku", 1, 4_000, null);

        assertThat(orderService.placeOrder(order)).isFalse();

        assertThat(orders.find(order.id())).isEmpty();
        // a committed "created" message arrives within milliseconds; a rolled-back one never does
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(3))
                .until(() -> stock.reservationDeliveries(order.id()) == 0);
        assertThat(stock.available("poor-sku")).isEqualTo(3);
    }

    private void send(String tag, String orderId, Object payload) {
        template.syncSend(
                ShopTopics.destination(tag),
                MessageBuilder.withPayload(payload)
                        .setHeader(MQHeaders.KEYS, orderId)
                        .build());
    }
}
