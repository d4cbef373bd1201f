package io.fms.processor;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Allocates seats from the command topic: one consumer thread per partition, decisions written in batches. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class BookingProcessorApplication {

    public static void main(String[] args) {
        SpringApplication.run(BookingProcessorApplication.class, args);
    }
}
