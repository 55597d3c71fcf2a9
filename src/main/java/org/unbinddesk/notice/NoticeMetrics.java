package org.unbinddesk.notice;

import java.util.List;

import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * Notices by delivery status ({@code unbinddesk_notices{status}}), from the outbox table, so the figure is the
 * cluster's. Operations alert on {@code status="FAILED"} rising: a merchant did not hear from us.
 */
@Component
class NoticeMetrics implements MeterBinder {

	private final NoticeRepository notices;

	NoticeMetrics(NoticeRepository notices) {
		this.notices = notices;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		for (String status : List.of(Notice.PENDING, Notice.SENT, Notice.DELIVERED, Notice.FAILED)) {
			Gauge.builder("unbinddesk.notices", notices, n -> n.countByStatus(status))
				.tag("status", status)
				.description("Notices to merchants by delivery status")
				.register(registry);
		}
	}

}
