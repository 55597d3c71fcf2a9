package org.unbinddesk.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.orm.jpa.TestEntityManager;
import org.unbinddesk.support.QueryTest;

/**
 * An intake client's idempotency keys: one per client and key, and forgotten once older than their lifetime.
 */
@QueryTest
class ClientIdempotencyKeyRepositoryTests {

	private static final LocalDateTime NOW = LocalDateTime.of(2026, 11, 26, 10, 0);

	@Autowired
	ClientIdempotencyKeyRepository keys;

	@Autowired
	TestEntityManager entities;

	private ClientIdempotencyKey key(String client, String key, LocalDateTime createdAt) {
		return keys.saveAndFlush(new ClientIdempotencyKey(new ClientIdempotencyKey.Id(client, key), "hash-" + key,
				"UB-20261126-000001", createdAt));
	}

	@Test
	void theSameKeyOfAnotherClientIsAnotherKey() {
		key("intake1", "crm-1", NOW);
		key("agent1", "crm-1", NOW.plusMinutes(1));

		assertThat(keys.findById(new ClientIdempotencyKey.Id("intake1", "crm-1")))
			.map(ClientIdempotencyKey::getCreatedAt)
			.contains(NOW);
		assertThat(keys.findById(new ClientIdempotencyKey.Id("agent1", "crm-1")))
			.map(ClientIdempotencyKey::getCreatedAt)
			.contains(NOW.plusMinutes(1));
	}

	@Test
	void forgetsKeysOlderThanTheCutOffOnly() {
		key("intake1", "crm-old", NOW.minusDays(8));
		key("intake1", "crm-new", NOW.minusDays(6));

		int forgotten = keys.deleteByCreatedAtBefore(NOW.minusDays(7));
		// a bulk delete passes the persistence context by; the clean-up runs in a transaction of its own
		entities.clear();

		assertThat(forgotten).isEqualTo(1);
		assertThat(keys.findById(new ClientIdempotencyKey.Id("intake1", "crm-old"))).isEmpty();
		assertThat(keys.findById(new ClientIdempotencyKey.Id("intake1", "crm-new"))).isPresent();
	}

}
