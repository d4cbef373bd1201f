package io.fms.notify.delivery;

import io.fms.events.BookingEvent;
import io.fms.notify.NotifyProperties;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Which deliveries an event calls for: an email where there is a contact address, a webhook where a URL. */
@Component
public class DeliveryPlanner {

    static final String NO_SECRET_REASON = "webhooks are disabled: FMS_WEBHOOK_SECRET is not set";

    private static final Logger log = LoggerFactory.getLogger(DeliveryPlanner.class);

    private final boolean webhooksEnabled;

    public DeliveryPlanner(NotifyProperties properties) {
        this.webhooksEnabled = properties.webhooksEnabled();
        if (!webhooksEnabled) {
            log.warn("FMS_WEBHOOK_SECRET is not set: webhooks will not be sent (recorded as SKIPPED)."
                    + " Emails are sent as usual.");
        }
    }

    public List<PlannedDelivery> plan(BookingEvent event) {
        List<PlannedDelivery> deliveries = new ArrayList<>(2);
        if (present(event.contactEmail())) {
            deliveries.add(
                    new PlannedDelivery(Channel.EMAIL, event.contactEmail().strip(), DeliveryStatus.PENDING, null));
        }
        if (present(event.callbackUrl())) {
            // Never send unsigned: a receiver could not tell our webhooks from anyone's.
            deliveries.add(
                    webhooksEnabled
                            ? new PlannedDelivery(Channel.WEBHOOK, event.callbackUrl(), DeliveryStatus.PENDING, null)
                            : new PlannedDelivery(
                                    Channel.WEBHOOK, event.callbackUrl(), DeliveryStatus.SKIPPED, NO_SECRET_REASON));
        }
        return deliveries;
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
