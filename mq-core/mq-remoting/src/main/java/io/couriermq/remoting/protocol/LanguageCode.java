package io.couriermq.remoting.protocol;

/** Language of the sending side, as carried in every command header. Binary codes are the ordinals. */
public enum LanguageCode {
    JAVA,
    CPP,
    DOTNET,
    PYTHON,
    DELPHI,
    ERLANG,
    RUBY,
    OTHER,
    HTTP,
    GO,
    PHP,
    OMS,
    RUST;

    private static final LanguageCode[] BY_CODE = values();

    public byte code() {
        return (byte) ordinal();
    }

    /** Unknown binary codes map to {@link #OTHER}: the language is informational, never a reason to drop a frame. */
    public static LanguageCode ofCode(int code) {
        return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : OTHER;
    }

    /** Unknown or absent names map to {@link #JAVA}, as the official decoder does for a missing field. */
    public static LanguageCode ofName(String name) {
        if (name == null) {
            return JAVA;
        }
        for (LanguageCode language : BY_CODE) {
            if (language.name().equals(name)) {
                return language;
            }
        }
        return OTHER;
    }
}
