package io.couriermq.remoting.protocol.body;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The one-property bodies of doc §3.2 and the SQL92 client check of §2.3.7. */
class SmallBodiesTest {

    @Test
    void groupListShape() {
        GroupList groups = new GroupList(Set.of("cg"));

        assertThat(Json.write(groups)).isEqualTo("{\"groupList\":[\"cg\"]}");
        assertThat(Json.read("{\"groupList\":[\"cg\"]}", GroupList.class)).isEqualTo(groups);
        assertThat(Json.write(new GroupList(null))).isEqualTo("{\"groupList\":[]}");
    }

    @Test
    void consumerIdListShapeKeepsOrder() {
        String json = "{\"consumerIdList\":[\"10.0.0.9@123#1\",\"10.0.0.8@456#2\"]}";

        GetConsumerListByGroupResponseBody body = Json.read(json, GetConsumerListByGroupResponseBody.class);

        assertThat(body.consumerIdList()).containsExactly("10.0.0.9@123#1", "10.0.0.8@456#2");
        assertThat(Json.write(body)).isEqualTo(json);
        assertThat(Json.write(new GetConsumerListByGroupResponseBody(List.of())))
                .isEqualTo("{\"consumerIdList\":[]}");
    }

    @Test
    void checkClientRequestCarriesASql92Subscription() {
        String json = "{\"clientId\":\"cid\",\"group\":\"cg\",\"subscriptionData\":{\"classFilterMode\":false,"
                + "\"codeSet\":[],\"expressionType\":\"SQL92\",\"subString\":\"a > 1\",\"subVersion\":1,"
                + "\"tagsSet\":[],\"topic\":\"T\"}}";

        CheckClientRequestBody body = Json.read(json, CheckClientRequestBody.class);

        assertThat(body.subscriptionData().expressionType()).isEqualTo(ExpressionType.SQL92);
        assertThat(body.subscriptionData().matchesAll()).isFalse();
        assertThat(body.namespace()).isNull();
        assertThat(Json.write(body)).isEqualTo(json);
    }
}
