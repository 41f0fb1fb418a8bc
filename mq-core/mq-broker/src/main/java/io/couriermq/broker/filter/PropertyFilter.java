package io.couriermq.broker.filter;

import io.couriermq.common.message.MessageProperties;
import io.couriermq.common.message.codec.RecordView;
import io.couriermq.filter.sql92.Sql92Expression;
import io.couriermq.store.MessageFilter;
import java.nio.ByteBuffer;

/**
 * The store-side filter of a SQL92 subscription: no tag hash to check on the consume-queue entry, so
 * every entry's record is read and its properties string (located by the codec) is evaluated. The
 * expression looks its few names up in that string without building a map.
 */
final class PropertyFilter implements MessageFilter {
    private final Sql92Expression expression;

    PropertyFilter(Sql92Expression expression) {
        this.expression = expression;
    }

    @Override
    public boolean matchesTagsHash(long tagsHash) {
        return true;
    }

    @Override
    public boolean matchesRecord(ByteBuffer record) {
        String properties = RecordView.at(record, record.position()).propertiesString();
        return expression.matches(name -> MessageProperties.find(properties, name));
    }
}
