package io.fms.notify.webhook;

import io.fms.notify.NotifyProperties;
import io.fms.support.callback.CallbackUrlPolicy.HostResolver;
import java.net.InetAddress;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class WebhookConfiguration {

    @Bean
    HostResolver webhookHostResolver() {
        return InetAddress::getAllByName;
    }

    @Bean(destroyMethod = "close")
    WebhookSender webhookSender(NotifyProperties properties, HostResolver webhookHostResolver, Clock clock) {
        return new WebhookSender(properties, WebhookHttpClient.create(properties), webhookHostResolver, clock);
    }
}
