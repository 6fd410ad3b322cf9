package io.catalogbatch.catalog.entrypoints.batch;

/** The names the migration job and its command share. */
public final class MigrateCatalogJob {

    public static final String JOB_NAME = "migrateCatalogJob";
    public static final String CLEAR_STEP = "clearTargetStep";
    public static final String COPY_STEP = "copyModelsStep";
    public static final String FROM = "from";
    public static final String TO = "to";
    public static final String OVERWRITE = "overwrite";
    /**
     * The setting (not a job parameter) that holds the source as the user gave it, password included: the job
     * parameter {@link #FROM} holds it masked, and the source is opened with this one when it masks to the same.
     */
    public static final String SOURCE_SETTING = "catalog.migration.source";

    private MigrateCatalogJob() {
    }
}
