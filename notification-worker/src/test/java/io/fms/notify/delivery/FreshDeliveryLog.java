package io.fms.notify.delivery;

import io.fms.testkit.TestPostgres;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/** A delivery log on a database of its own, migrated, which the running worker's dispatcher never claims from. */
record FreshDeliveryLog(JdbcTemplate jdbc, DeliveryLog deliveryLog) {

    static FreshDeliveryLog create() {
        var dataSource =
                new DriverManagerDataSource(TestPostgres.freshDatabaseUrl(), TestPostgres.USER, TestPostgres.PASSWORD);
        Flyway.configure()
                .dataSource(dataSource)
                .schemas("notify")
                .defaultSchema("notify")
                .load()
                .migrate();
        var jdbc = new JdbcTemplate(dataSource);
        return new FreshDeliveryLog(
                jdbc, new DeliveryLog(jdbc, new TransactionTemplate(new DataSourceTransactionManager(dataSource))));
    }
}
