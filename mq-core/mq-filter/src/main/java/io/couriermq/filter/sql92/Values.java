package io.couriermq.filter.sql92;

/** Reading a property text as a boolean: "true" or "false" in any case; anything else is UNKNOWN. */
final class Values {
    private Values() {}

    static Truth asBoolean(String text) {
        if (text == null) {
            return Truth.UNKNOWN;
        }
        if (text.equalsIgnoreCase("true")) {
            return Truth.TRUE;
        }
        return text.equalsIgnoreCase("false") ? Truth.FALSE : Truth.UNKNOWN;
    }
}
