package io.couriermq.samples.shop;

/** The shop's topic, its tags (one per step of an order) and its transactional producer group. */
public final class ShopTopics {
    public static final String ORDER = "shop-order";
    public static final String CREATED = "created";
    public static final String PAID = "paid";
    public static final String CANCEL = "cancel";

    /** The producer group of "created" messages, and of their transaction listener. */
    public static final String ORDER_TX_GROUP = "shop-order-tx";

    private ShopTopics() {}

    /** {@code shop-order:<tag>}, the template's destination for a step. */
    public static String destination(String tag) {
        return ORDER + ":" + tag;
    }
}
