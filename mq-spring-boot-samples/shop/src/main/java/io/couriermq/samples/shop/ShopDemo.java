package io.couriermq.samples.shop;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

/**
 * At start-up, stocks the shop and plays three orders: one that ends paid, one whose stock cannot be
 * confirmed (cancelled, everything given back), and one the user cannot afford (never created).
 */
@Component
@ConditionalOnBooleanProperty(name = "samples.demo", matchIfMissing = true)
public class ShopDemo implements ApplicationRunner {
    private static final Logger log = LoggerFactory.getLogger(ShopDemo.class);

    private final OrderService orderService;
    private final PaymentCallback payments;
    private final StockService stock;
    private final WalletService wallet;
    private final CouponService coupons;

    public ShopDemo(
            OrderService orderService,
            PaymentCallback payments,
            StockService stock,
            WalletService wallet,
            CouponService coupons) {
        this.orderService = orderService;
        this.payments = payments;
        this.stock = stock;
        this.wallet = wallet;
        this.coupons = coupons;
    }

    @Override
    public void run(ApplicationArguments args) {
        stock.restock("book", 10);
        stock.restock("lamp", 5);
        stock.discontinue("lamp");
        wallet.deposit("ada", 10_000);
        coupons.issue("WELCOME", "ada");
        coupons.issue("LAMPS-10", "ada");

        Order book = new Order("order-1", "ada", "book", 2, 3_000, "WELCOME");
        if (orderService.placeOrder(book)) {
            payments.paid(book.id());
        }
        Order lamp = new Order("order-2", "ada", "lamp", 1, 4_000, "LAMPS-10");
        if (orderService.placeOrder(lamp)) {
            payments.paid(lamp.id());
        }
        Order tooExpensive = new Order("order-3", "ada", "book", 1, 1_000_000, null);
        log.info("order {} placed: {}", tooExpensive.id(), orderService.placeOrder(tooExpensive));
    }
}
