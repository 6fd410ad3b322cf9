package io.catalogbatch.catalog.adapters.jdbc;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/** The catalog's tables: plain SQL that H2 and PostgreSQL both accept; created when missing. */
final class CatalogSchema {

    static final String MODEL_COLUMNS =
            "name_key, name, description, task, framework, license, url, created, status, successor, revision";

    private static final List<String> STATEMENTS = List.of(
            "create table if not exists catalog_model ("
                    + " name_key varchar(1000) not null primary key,"
                    + " name varchar(200) not null,"
                    + " description varchar(32767) not null,"
                    + " task varchar(100) not null,"
                    + " framework varchar(100) not null,"
                    + " license varchar(100) not null,"
                    + " url varchar(2000) not null,"
                    + " created varchar(10) not null,"
                    + " status varchar(10) not null,"
                    + " successor varchar(200) not null,"
                    + " revision bigint not null)",
            "create table if not exists catalog_model_tag ("
                    + " name_key varchar(1000) not null,"
                    + " tag varchar(100) not null,"
                    + " primary key (name_key, tag))",
            "create index if not exists catalog_model_tag_by_tag on catalog_model_tag (tag, name_key)",
            "create index if not exists catalog_model_by_created on catalog_model (created, name_key)");

    private CatalogSchema() {
    }

    static void create(JdbcTemplate jdbc) {
        STATEMENTS.forEach(jdbc::execute);
    }
}
