package io.couriermq.common.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MessagePropertiesTest {

    @Test
    void encodesWithTrailingSeparatorLikeTheOfficialClient() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("TAGS", "a");
        properties.put("KEYS", "k1 k2");
        assertThat(MessageProperties.encode(properties)).isEqualTo("TAGS\u0001a\u0002KEYS\u0001k1 k2\u0002");
    }

    @Test
    void decodeAcceptsMissingTrailingSeparatorSkipsFragmentsAndLetsLaterDuplicatesWin() {
        Map<String, String> decoded = MessageProperties.decode("A\u00011\u0002x\u0002B\u00012\u0002A\u00013");
        assertThat(decoded).containsExactly(Map.entry("A", "3"), Map.entry("B", "2"));
    }

    @Test
    void findReadsOneValueExactlyAsDecodeWould() {
        String text = "A\u00011\u0002x\u0002AB\u00012\u0002A\u00013\u0002e\u0001\u0002ee\u0001\u0002B\u0001v";
        Map<String, String> decoded = MessageProperties.decode(text);
        for (String name : new String[] {"A", "AB", "B", "e", "ee", "x", "missing", "\u0001"}) {
            assertThat(MessageProperties.find(text, name)).as(name).isEqualTo(decoded.get(name));
        }
        assertThat(MessageProperties.find("", "A")).isNull();
    }

    @Test
    void tagsHashIsStringHashCodeAndZeroWithoutTags() {
        assertThat(Message.tagsHashCode("TagA")).isEqualTo("TagA".hashCode());
        assertThat(Message.tagsHashCode(null)).isZero();
    }

    @Test
    void keysAreSplitOnSpaces() {
        Message message = Message.builder("T", 0).keys("a  b").build();
        assertThat(message.keys()).containsExactly("a", "b");
    }
}
