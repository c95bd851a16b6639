package org.o2c.shared;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A list of values as an inline table, to join with instead of {@code column IN (...)}: with an IN list H2 uses a
 * two-column index such as (shop_id, number) only for the shop and reads every row of the shop, while both H2 and
 * PostgreSQL answer a join with a VALUES list through the whole index. The first value is cast to the column's
 * type, so PostgreSQL compares like with like and can use the index too. Use as
 * {@code "... FROM t JOIN " + v.table() + " ON t.col = q.v WHERE t.shop_id = :shop"} with {@code v.params()}.
 * Keep lists to about a thousand values per statement.
 */
public record ValuesList(String table, Map<String, Object> params) {

    /** {@code sqlType} is the column's type, e.g. {@code VARCHAR(40)}, {@code CHAR(64)} or {@code BIGINT}. */
    public static ValuesList of(List<?> values, String sqlType) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("a VALUES list needs at least one value");
        }
        StringBuilder sql = new StringBuilder("(VALUES ");
        Map<String, Object> params = new HashMap<>();
        for (int i = 0; i < values.size(); i++) {
            sql.append(i == 0 ? "(CAST(:v0 AS " + sqlType + "))" : ", (:v" + i + ")");
            params.put("v" + i, values.get(i));
        }
        return new ValuesList(sql.append(") AS q(v)").toString(), params);
    }
}
