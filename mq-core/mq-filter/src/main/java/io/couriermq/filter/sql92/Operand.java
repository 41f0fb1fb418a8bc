package io.couriermq.filter.sql92;

import java.util.Locale;

/**
 * A value in a condition: a message property or a constant. Every value is text (property values
 * are strings on the wire); constants keep their kind so the parser can check how they are used.
 */
sealed interface Operand {

    /** The value's text, or {@code null} for a missing property and for NULL. */
    String text(PropertySource properties);

    /** A message property, looked up by its exact (case-sensitive) name. */
    record Property(String name) implements Operand {
        @Override
        public String text(PropertySource properties) {
            return properties.get(name);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** A constant as written; numbers are kept in a canonical text form. */
    record Constant(Kind kind, String value) implements Operand {
        static final Constant NULL = new Constant(Kind.NULL, null);
        static final Constant TRUE = new Constant(Kind.BOOLEAN, "true");
        static final Constant FALSE = new Constant(Kind.BOOLEAN, "false");

        @Override
        public String text(PropertySource properties) {
            return value;
        }

        @Override
        public String toString() {
            return kind == Kind.STRING
                    ? "'" + value + "'"
                    : String.valueOf(value).toUpperCase(Locale.ROOT);
        }
    }

    enum Kind {
        NUMBER,
        STRING,
        BOOLEAN,
        NULL
    }
}
