package io.fms.api.booking;

import io.fms.events.ReadModelKeys;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;
import org.springframework.kafka.core.KafkaAdmin;

@Configuration(proxyBeanMethods = false)
class BookingConfig {

    /** One subscription per API instance to the processor's decision announcements, whatever the poll count. */
    @Bean
    RedisMessageListenerContainer decisionAnnouncements(RedisConnectionFactory redis, DecisionWaiters waiters) {
        RedisMessageListenerContainer container = new RedisMessageListenerContainer();
        container.setConnectionFactory(redis);
        SimpleAsyncTaskExecutor executor = new SimpleAsyncTaskExecutor("fms-decisions-");
        executor.setVirtualThreads(true);
        container.setTaskExecutor(executor);
        container.addMessageListener(waiters, new ChannelTopic(ReadModelKeys.DECISIONS_CHANNEL));
        return container;
    }

    /** Asked for the end of a command partition when a status read finds a booking nowhere. */
    @Bean(destroyMethod = "close")
    Admin commandLog(KafkaAdmin kafkaAdmin) {
        return Admin.create(kafkaAdmin.getConfigurationProperties());
    }

    /** Outermost, so that it sees refusals made by every other filter. */
    @Bean
    FilterRegistrationBean<IntakeRefusalMetrics> intakeRefusalMetrics(MeterRegistry meters) {
        FilterRegistrationBean<IntakeRefusalMetrics> registration =
                new FilterRegistrationBean<>(new IntakeRefusalMetrics(meters));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }
}
