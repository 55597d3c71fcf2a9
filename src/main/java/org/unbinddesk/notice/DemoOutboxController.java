package org.unbinddesk.notice;

import java.util.List;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;

/**
 * The demo outbox over HTTP: every message the demo "sent", one-time codes included. Exists only with
 * {@code unbinddesk.notices.delivery=outbox} (the demo profile).
 */
@RestController
@ConditionalOnProperty(name = "unbinddesk.notices.delivery", havingValue = "outbox")
class DemoOutboxController {

	private final DemoOutbox outbox;


	DemoOutboxController(DemoOutbox outbox) {
		this.outbox = outbox;
	}

	@GetMapping("/api/demo/outbox")
	@Operation(operationId = "listDemoOutbox", summary = "Every message the demo sent, one-time codes included (demo only)")
	List<DemoOutbox.Message> messages(@RequestParam(required = false) String caseNumber) {
		return outbox.messages(caseNumber);
	}

}
