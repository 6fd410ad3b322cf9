package io.catalogbatch.catalog.entrypoints.batch;

/** The names the migration job and its command share. */
public final class MigrateCatalogJob {

    public static final String JOB_NAME = "migrateCatalogJob";
    public static final String CLEAR_STEP = "clearTargetStep";
    public static final String COPY_STEP = "copyModelsStep";
    public static final String FROM = "from";
    public static final String TO = "to";
    public static final String OVERWRITE = "overwrite";

    private MigrateCatalogJob() {
    }
}
