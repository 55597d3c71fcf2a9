package org.unbinddesk.webhook;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import jakarta.annotation.PostConstruct;
import jakarta.persistence.EntityManagerFactory;

import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.event.service.spi.EventListenerRegistry;
import org.hibernate.event.spi.EventType;
import org.hibernate.event.spi.PostInsertEvent;
import org.hibernate.event.spi.PostInsertEventListener;
import org.hibernate.event.spi.PostUpdateEvent;
import org.hibernate.event.spi.PostUpdateEventListener;
import org.hibernate.persister.entity.EntityPersister;
import org.springframework.stereotype.Component;
import org.unbinddesk.cases.UnbindingCase;
import org.unbinddesk.notice.Notice;

/**
 * Notices a case's stage or status changing, and a notice's delivery status changing, wherever in the code it happens
 * (the process's steps, the unbind, the dispatcher, a gateway's receipt), as Hibernate writes the change: the event
 * rows join the same transaction. Nothing in {@code cases} or {@code notice} knows about webhooks.
 */
@Component
class EntityChangeWebhooks implements PostInsertEventListener, PostUpdateEventListener {

	private static final List<String> CASE_FIELDS = List.of("stage", "status", "outcome");

	private final EntityManagerFactory entityManagers;

	private final WebhookEvents events;

	EntityChangeWebhooks(EntityManagerFactory entityManagers, WebhookEvents events) {
		this.entityManagers = entityManagers;
		this.events = events;
	}

	@PostConstruct
	void register() {
		EventListenerRegistry registry = entityManagers.unwrap(SessionFactoryImplementor.class)
			.getServiceRegistry()
			.getService(EventListenerRegistry.class);
		registry.appendListeners(EventType.POST_INSERT, this);
		registry.appendListeners(EventType.POST_UPDATE, this);
	}

	@Override
	public void onPostInsert(PostInsertEvent event) {
		if (event.getEntity() instanceof UnbindingCase c) {
			events.record(c.getCaseNumber(), "case.stage-changed", caseData(c));
		}
	}

	@Override
	public void onPostUpdate(PostUpdateEvent event) {
		if (event.getEntity() instanceof UnbindingCase c && changed(event, CASE_FIELDS)) {
			events.record(c.getCaseNumber(), "case.stage-changed", caseData(c));
		}
		else if (event.getEntity() instanceof Notice n && changed(event, List.of("status"))) {
			Map<String, Object> data = new LinkedHashMap<>();
			data.put("noticeType", n.getType().name());
			data.put("channel", n.getChannel() == null ? null : n.getChannel().name());
			data.put("status", n.getStatus());
			data.put("attempts", n.getAttempts());
			events.record(n.getCaseNumber(), "notice.delivery-changed", data);
		}
	}

	private static boolean changed(PostUpdateEvent event, List<String> fields) {
		if (event.getOldState() == null) {
			return true;
		}
		List<String> names = Arrays.asList(event.getPersister().getPropertyNames());
		return fields.stream()
			.map(names::indexOf)
			.filter(i -> i >= 0)
			.anyMatch(i -> !Objects.equals(event.getOldState()[i], event.getState()[i]));
	}

	private static Map<String, Object> caseData(UnbindingCase c) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("stage", c.getStage() == null ? null : c.getStage().name());
		data.put("status", c.getStatus() == null ? null : c.getStatus().name());
		data.put("outcome", c.getOutcome() == null ? null : c.getOutcome().name());
		return data;
	}

	@Override
	public boolean requiresPostCommitHandling(EntityPersister persister) {
		return false;
	}

}
