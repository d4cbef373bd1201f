package io.fms.notify.delivery;

import io.fms.events.BookingEvent;
import io.fms.events.BookingJson;
import io.fms.testkit.TestPostgres;
import java.util.List;
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

    /** {@code event} as the intake hands it on from a record without a trace, with one PENDING delivery. */
    static IncomingEvent pending(BookingEvent event, Channel channel, String destination) {
        return new IncomingEvent(
                event,
                BookingJson.write(event),
                0,
                0,
                List.of(new PlannedDelivery(channel, destination, DeliveryStatus.PENDING, null)),
                null);
    }
}
