package io.fms.notify;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Sends the webhooks and emails that booking decisions call for; HTTP only for management (/health, metrics). */
@SpringBootApplication
@ConfigurationPropertiesScan
public class NotificationWorkerApplication {

    public static void main(String[] args) {
        SpringApplication.run(NotificationWorkerApplication.class, args);
    }
}
