package io.catalogbatch.catalog.adapters.jdbc;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Brings a PostgreSQL catalog of the plain layout (created {@code varchar}, status free text, tags joined by
 * {@code ;}), case-folded already, to {@link PostgresDialect}'s, when a command that writes opens it. No model
 * changes: revisions stay, no event is recorded.
 *
 * <p>Three steps, each of which may run again after a crash: (1) the new columns are added beside the old ones
 * when missing; (2) they are filled a page of keys at a time, each page a transaction, computed again for every
 * row when run again; (3) in one transaction (PostgreSQL's DDL is transactional) the old columns are dropped, the
 * new ones take their names and constraints, the indexes and the view are made and the layout recorded as
 * {@value PostgresDialect#TYPED}. Until (3) commits, the table is the plain layout with three more columns, which a
 * command that only reads reads as before.
 */
final class TypedLayoutUpgrade {

    private static final Logger LOG = LoggerFactory.getLogger(TypedLayoutUpgrade.class);
    private static final int PAGE = 1_000;

    private TypedLayoutUpgrade() {
    }

    static void run(JdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
        long start = System.nanoTime();
        LOG.info("the catalog has an earlier version's layout: giving it typed columns, a tag index and a view");
        TransactionTemplate transaction = new TransactionTemplate(transactionManager);
        jdbc.execute("alter table catalog_model add column if not exists created_date date,"
                + " add column if not exists tag_list text[], add column if not exists name_order bytea");
        String after = "";
        long rows = 0;
        for (List<String[]> page = page(jdbc, after); !page.isEmpty(); page = page(jdbc, after)) {
            List<String[]> read = page;
            transaction.executeWithoutResult(status -> fill(jdbc, read));
            rows += page.size();
            after = page.get(page.size() - 1)[0];
        }
        transaction.executeWithoutResult(status -> swap(jdbc));
        LOG.info("gave the catalog its typed layout: {} rows in {} ms", rows, (System.nanoTime() - start) / 1_000_000);
    }

    private static List<String[]> page(JdbcTemplate jdbc, String after) {
        return jdbc.query("select name_key, created from catalog_model where name_key > ? order by name_key limit "
                + PAGE, (rs, n) -> new String[] {rs.getString(1), rs.getString(2)}, after);
    }

    private static void fill(JdbcTemplate jdbc, List<String[]> rows) {
        List<Object[]> updates = new ArrayList<>(rows.size());
        for (String[] row : rows) {
            updates.add(new Object[] {new PostgresDialect().created(row[1]), PostgresDialect.orderKey(row[0]),
                    row[0]});
        }
        jdbc.batchUpdate("update catalog_model set created_date = cast(? as date), name_order = ?,"
                + " tag_list = string_to_array(tags, ';') where name_key = ?", updates);
    }

    private static void swap(JdbcTemplate jdbc) {
        jdbc.execute("alter table catalog_model drop column created, drop column tags");
        jdbc.execute("alter table catalog_model rename column created_date to created");
        jdbc.execute("alter table catalog_model rename column tag_list to tags");
        jdbc.execute("alter table catalog_model alter column tags set default '{}', alter column tags set not null,"
                + " alter column name_order set not null,"
                + " alter column name_key type varchar(1000) collate \"C\","
                + " add " + PostgresDialect.STATUS_CHECK);
        jdbc.execute(PostgresDialect.ORDER_INDEX);
        jdbc.execute(PostgresDialect.TAG_INDEX);
        jdbc.execute(PostgresDialect.VIEW);
        CatalogSchema.mark(jdbc, PostgresDialect.TYPED);
    }
}
