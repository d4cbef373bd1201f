package io.fms.processor;

import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Allocates seats from the command topic: one consumer thread per partition, decisions written in batches. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class BookingProcessorApplication {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    public static void main(String[] args) {
        SpringApplication.run(BookingProcessorApplication.class, args);
    }
}
