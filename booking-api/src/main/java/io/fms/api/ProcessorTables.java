package io.fms.api;

import java.sql.SQLException;
import org.springframework.dao.DataAccessException;

/**
 * The {@code booking} schema belongs to the processor and does not exist until it has run once; likewise the
 * worker's {@code notify} schema. Reads of them treat a missing table as "no rows" rather than failing the
 * catalog, a status poll or a booking's notifications.
 */
public final class ProcessorTables {

    private static final String UNDEFINED_TABLE = "42P01";
    private static final String UNDEFINED_SCHEMA = "3F000";

    private ProcessorTables() {}

    public static boolean isMissing(DataAccessException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql
                    && (UNDEFINED_TABLE.equals(sql.getSQLState()) || UNDEFINED_SCHEMA.equals(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }
}
