package io.catalogbatch.catalog.adapters.jdbc;

import io.catalogbatch.catalog.domain.ModelDetails;
import io.catalogbatch.catalog.domain.ModelName;
import io.catalogbatch.catalog.domain.SortedTags;
import io.catalogbatch.catalog.service.CaseFoldingCollision;
import io.catalogbatch.shared.domain.DomainException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Brings a catalog database of an earlier version, whose name keys and tags were lower-cased ({@code pixart-ς},
 * {@code straße}), to case-folded ones (SPEC §1), when a command that writes opens it. It is no change of any
 * model: revisions stay, no event is recorded; tags that fold to one become one.
 *
 * <p>First it reads every name and tag and changes nothing when two names fold to one key
 * ({@link CaseFoldingCollision}, naming both) or a tag cannot be folded. Then it adds the caseless columns and
 * rewrites the rows a page of keys at a time, each page a transaction, and records the layout last: every step
 * gives the same when done again, so an upgrade cut short is finished by the next command that writes.
 * Re-keying cannot meet a key still to be moved: folding a lower-cased name gives what folding the name gives,
 * and a folded key folds to itself (CaselessTest checks both over every code point).
 */
final class CaseFoldingUpgrade {

    private static final Logger LOG = LoggerFactory.getLogger(CaseFoldingUpgrade.class);
    private static final int PAGE = 1_000;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;

    private CaseFoldingUpgrade(JdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    static void run(JdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
        new CaseFoldingUpgrade(jdbc, transactionManager).run();
    }

    private void run() {
        long start = System.nanoTime();
        LOG.info("the catalog was written by an earlier version: case-folding its keys and tags");
        check();
        long checked = System.nanoTime();
        CatalogSchema.addColumns(jdbc, CaselessColumns.DEFINITIONS);
        String after = "";
        long rows = 0;
        for (List<Row> page = page(after); !page.isEmpty(); page = page(after)) {
            List<Row> read = page;
            rows += transaction.execute(status -> rewrite(read));
            after = page.get(page.size() - 1).key();
        }
        CatalogSchema.mark(jdbc, CatalogSchema.CASE_FOLDED);
        LOG.info("case-folded the catalog: {} rows rewritten; checked in {} ms, rewritten in {} ms", rows,
                (checked - start) / 1_000_000, (System.nanoTime() - checked) / 1_000_000);
    }

    /** Stops before any change when two names fold to one key, or a tag is no tag once folded. */
    private void check() {
        Map<String, String> moved = new HashMap<>(); // new key -> name, of the rows whose key changes
        Set<String> movedFrom = new HashSet<>();
        String after = "";
        for (List<String[]> page = names(after); !page.isEmpty(); page = names(after)) {
            for (String[] row : page) {
                String key = row[0];
                String name = row[1];
                String folded = ModelName.keyOf(name);
                if (!folded.equals(key)) {
                    String other = moved.putIfAbsent(folded, name);
                    if (other != null) {
                        throw collision(other, name);
                    }
                    movedFrom.add(key);
                }
                tags(name, row[2]);
                after = key;
            }
        }
        // a model keyed by the name's folding already stays where it is: a moved one must not land on it
        KeySlices.forEach(moved.keySet(), (slice, condition) -> jdbc.query(
                "select name_key, name from catalog_model where " + condition, rs -> {
                    if (!movedFrom.contains(rs.getString(1))) {
                        throw collision(rs.getString(2), moved.get(rs.getString(1)));
                    }
                }, slice.toArray()));
    }

    private List<String[]> names(String after) {
        return jdbc.query("select name_key, name, tags from catalog_model where name_key > ? order by name_key"
                + " limit " + PAGE, (rs, n) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)},
                after);
    }

    /** A row as the earlier version left it. */
    private record Row(String key, String name, ModelDetails details, String tags) {
    }

    private List<Row> page(String after) {
        return jdbc.query("select name_key, name, description, task, framework, license, tags from catalog_model"
                + " where name_key > ? order by name_key limit " + PAGE, (rs, n) -> new Row(rs.getString(1),
                rs.getString(2), new ModelDetails(rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), "", "", ""), rs.getString(7)), after);
    }

    /**
     * Each row keyed by its name's folding, with its tags folded and its caseless columns filled; a row whose
     * values are all their own folding is left as it is. A row moved to a key further on is read again by a later
     * page, and written again the same.
     */
    private int rewrite(List<Row> rows) {
        List<Object[]> updates = new ArrayList<>(rows.size());
        for (Row row : rows) {
            Object[] caseless = CaselessColumns.values(row.details());
            String key = ModelName.keyOf(row.name());
            String tags = TagsColumn.of(tags(row.name(), row.tags()));
            boolean folded = key.equals(row.key()) && tags.equals(row.tags());
            if (!folded || Arrays.stream(caseless).anyMatch(column -> column != null)) {
                updates.add(new Object[] {key, tags, caseless[0], caseless[1], caseless[2], caseless[3], row.key()});
            }
        }
        if (updates.isEmpty()) {
            return 0;
        }
        jdbc.batchUpdate("update catalog_model set name_key = ?, tags = ?, description_folded = ?, task_folded = ?,"
                + " framework_folded = ?, license_folded = ? where name_key = ?", updates);
        return updates.size();
    }

    private static SortedTags tags(String name, String column) {
        try {
            return TagsColumn.parseUnfolded(column);
        } catch (DomainException | IllegalArgumentException e) {
            throw new IllegalStateException(String.format("a tag of the model \"%s\" is no tag once case-folded"
                    + " (%s), so the catalog cannot be brought to this version of catalog-batch; nothing was changed."
                    + " Remove that tag with the version that wrote the catalog, then run the command again",
                    name, e.getMessage()), e);
        }
    }

    static CaseFoldingCollision collision(String one, String other) {
        return CaseFoldingCollision.between(one, other, second -> String.format(
                "in SQL, for instance: update catalog_model set name = '%1$s (2)', name_key = '%2$s (2)'"
                        + " where name = '%1$s'; and the same new name in the successor column of the models that"
                        + " name it", second.replace("'", "''"), second.toLowerCase(Locale.ROOT).replace("'", "''")));
    }
}
