package io.couriermq.broker.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TopicAttributesTest {

    @Test
    void emptyTextChangesNothing() {
        assertThat(TopicAttributes.apply(Map.of("a", "1"), "", false)).isEqualTo(Map.of("a", "1"));
        assertThat(TopicAttributes.apply(Map.of("a", "1"), null, false)).isEqualTo(Map.of("a", "1"));
    }

    @Test
    void setsAndRemovesKeys() {
        assertThat(TopicAttributes.apply(Map.of("a", "1", "b", "2"), "+a=9, -b ,+c=x=y", false))
                .isEqualTo(Map.of("a", "9", "c", "x=y"));
    }

    @Test
    void refusesMalformedEntriesAndRemovalOnCreation() {
        assertThatThrownBy(() -> TopicAttributes.apply(Map.of(), "a=1", true)).hasMessageContaining("'a=1'");
        assertThatThrownBy(() -> TopicAttributes.apply(Map.of(), "+=1", true)).hasMessageContaining("+key=value");
        assertThatThrownBy(() -> TopicAttributes.apply(Map.of(), "+a=", true)).hasMessageContaining("+key=value");
        assertThatThrownBy(() -> TopicAttributes.apply(Map.of(), "-a", true)).hasMessageContaining("creating");
    }
}
