package io.fms.support.logging;

import static org.assertj.core.api.Assertions.assertThat;

import io.fms.events.Topics;
import io.fms.testkit.TestEnvironment;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.StandardEnvironment;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * FMS_LOG_FORMAT switches a service's console to one JSON object a line, and a line logged inside {@link LogFields}
 * carries the booking, the trip, the partition and the offset as fields of its own.
 */
@ExtendWith(OutputCaptureExtension.class)
class StructuredLogsTest {

    private static final Logger LOG = LoggerFactory.getLogger(StructuredLogsTest.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Configuration(proxyBeanMethods = false)
    static class NothingElse {}

    @ParameterizedTest
    @ValueSource(strings = {"ecs", "logstash"})
    void oneSettingTurnsTheConsoleIntoJsonLinesWithTheBookingsFields(String format, CapturedOutput output) {
        UUID booking = UUID.randomUUID();
        UUID trip = UUID.randomUUID();
        ConsumerRecord<String, byte[]> command =
                new ConsumerRecord<>(Topics.BOOKING_COMMANDS, 7, 4711L, trip.toString(), new byte[0]);

        try (ConfigurableApplicationContext context = start(format)) {
            try (LogFields fields = LogFields.of(command)) {
                LOG.info("a command read");
            }
            try (LogFields fields = LogFields.ofBooking(booking, trip).record(3, 42L)) {
                LOG.info("a booking decided");
            }
            LOG.info("nothing about a booking");
        }

        Map<String, JsonNode> lines = jsonLines(output);
        JsonNode read = lines.get("a command read");
        assertThat(read).as("the JSON line of the command in:\n%s", output).isNotNull();
        assertThat(read.path(LogFields.TRIP).asString()).isEqualTo(trip.toString());
        assertThat(read.path(LogFields.PARTITION).asString()).isEqualTo("7");
        assertThat(read.path(LogFields.OFFSET).asString()).isEqualTo("4711");
        JsonNode decided = lines.get("a booking decided");
        assertThat(decided).as("the JSON line of the booking in:\n%s", output).isNotNull();
        assertThat(decided.path(LogFields.BOOKING).asString()).isEqualTo(booking.toString());
        assertThat(decided.path(LogFields.TRIP).asString()).isEqualTo(trip.toString());
        assertThat(decided.path(LogFields.PARTITION).asString()).isEqualTo("3");
        assertThat(decided.path(LogFields.OFFSET).asString()).isEqualTo("42");
        JsonNode other = lines.get("nothing about a booking");
        assertThat(other).as("a line after the scopes ended").isNotNull();
        for (String field : List.of(LogFields.BOOKING, LogFields.TRIP, LogFields.PARTITION, LogFields.OFFSET)) {
            assertThat(other.has(field)).as("%s after its scope", field).isFalse();
        }
    }

    /** A service's logging as Spring Boot starts it, with FMS_LOG_FORMAT set in its environment and nothing else. */
    private static ConfigurableApplicationContext start(String format) {
        StandardEnvironment environment = TestEnvironment.of(Map.of("FMS_LOG_FORMAT", format));
        SpringApplication application = new SpringApplication(NothingElse.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        application.setEnvironment(environment);
        application.setDefaultProperties(Map.of("spring.main.banner-mode", "off"));
        return application.run();
    }

    /** Every console line that parses as a JSON object, by its message (ECS and Logstash both call it "message"). */
    private static Map<String, JsonNode> jsonLines(CapturedOutput output) {
        Map<String, JsonNode> lines = new java.util.LinkedHashMap<>();
        output.getOut().lines().filter(line -> line.startsWith("{")).forEach(line -> {
            JsonNode node = JSON.readTree(line);
            lines.put(node.path("message").asString(), node);
        });
        return lines;
    }
}
