package io.couriermq.spring.support;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.Objects;
import org.springframework.core.ResolvableType;

/**
 * A {@link ResolvableType} as a plain {@link Type} with every type variable replaced by what it stands
 * for, so a JSON mapper can build it: {@code getType()} would return {@code T} for a listener that takes
 * its type argument from a generic superclass. What cannot be resolved becomes {@code Object}.
 */
public final class ResolvedTypes {
    private ResolvedTypes() {}

    public static Type of(ResolvableType type) {
        Class<?> raw = type.resolve(Object.class);
        if (type.isArray() || !type.hasGenerics()) {
            return raw;
        }
        Type[] arguments =
                Arrays.stream(type.getGenerics()).map(ResolvedTypes::of).toArray(Type[]::new);
        return new Resolved(raw, arguments);
    }

    private record Resolved(Class<?> raw, Type[] arguments) implements ParameterizedType {
        @Override
        public Type[] getActualTypeArguments() {
            return arguments.clone();
        }

        @Override
        public Type getRawType() {
            return raw;
        }

        @Override
        public Type getOwnerType() {
            return raw.getDeclaringClass();
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof ParameterizedType that
                    && raw.equals(that.getRawType())
                    && Objects.equals(getOwnerType(), that.getOwnerType())
                    && Arrays.equals(arguments, that.getActualTypeArguments());
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(arguments) ^ raw.hashCode() ^ Objects.hashCode(getOwnerType());
        }

        @Override
        public String getTypeName() {
            return raw.getTypeName()
                    + Arrays.stream(arguments)
                            .map(Type::getTypeName)
                            .toList()
                            .toString()
                            .replace('[', '<')
                            .replace(']', '>');
        }
    }
}
