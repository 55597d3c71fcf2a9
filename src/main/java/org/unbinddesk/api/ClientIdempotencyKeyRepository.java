package org.unbinddesk.api;

import java.time.LocalDateTime;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.transaction.annotation.Transactional;

interface ClientIdempotencyKeyRepository extends JpaRepository<ClientIdempotencyKey, ClientIdempotencyKey.Id> {

	@Transactional
	@Modifying
	@Query(nativeQuery = true, value = "delete from client_idempotency_key where created_at < ?1")
	int deleteByCreatedAtBefore(LocalDateTime before);

}
