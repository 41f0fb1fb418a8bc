package io.couriermq.samples.shop;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * An order flow held together by messages, all on topic {@value ShopTopics#ORDER} with the step as tag:
 *
 * <ol>
 *   <li>{@link OrderService} places an order with a transactional "created" message: the local
 *       transaction ({@link OrderTransactionListener}) inserts the order, or rolls back when the user's
 *       balance cannot pay for it, and then the message is never delivered;
 *   <li>{@link StockService} reserves the stock for each created order;
 *   <li>{@link PaymentCallback} takes the payment (balance and coupon) and publishes "paid";
 *   <li>{@link OrderConfirmation} confirms the stock for each paid order; when that fails it cancels the
 *       order and publishes "cancel";
 *   <li>stock, coupon and wallet services each restore their part on "cancel".
 * </ol>
 *
 * Every consumer is idempotent by order id: a message delivered twice changes nothing the second time.
 */
@SpringBootApplication
public class ShopApplication {

    public static void main(String[] args) {
        SpringApplication.run(ShopApplication.class, args);
    }
}
