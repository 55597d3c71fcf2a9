package org.unbinddesk.notice;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;
import org.springframework.transaction.annotation.Transactional;

public interface NoticeRepository extends JpaRepository<Notice, Long> {

	List<Notice> findByCaseNumberOrderByIdAsc(String caseNumber);

	Optional<Notice> findByDeliveryId(String deliveryId);

	long countByStatus(String status);

	@Query(nativeQuery = true, value = "select id from notice where status = 'PENDING' and next_attempt_at <= :now "
			+ "and (claimed_until is null or claimed_until < :now) order by next_attempt_at, id")
	List<Long> findDue(@Param("now") LocalDateTime now, Limit limit);

	/**
	 * Takes one due notice for this node until {@code until}; answers 1 when this node got it, 0 when another node
	 * holds it or it is no longer due (sent, or tried and waiting for its next attempt since this node listed it). A
	 * plain conditional update: the same on H2 and PostgreSQL.
	 */
	@Modifying
	@Transactional
	@Query(nativeQuery = true, value = "update notice set claimed_by = :node, claimed_until = :until where id = :id "
			+ "and status = 'PENDING' and next_attempt_at <= :now "
			+ "and (claimed_until is null or claimed_until < :now)")
	int claim(@Param("id") Long id, @Param("node") String node, @Param("now") LocalDateTime now,
			@Param("until") LocalDateTime until);

	/** Gives back notices this node took and did not send; answers how many. */
	@Modifying
	@Transactional
	@Query(nativeQuery = true, value = "update notice set claimed_by = null, claimed_until = null where id in (:ids) "
			+ "and status = 'PENDING' and claimed_by = :node")
	int release(@Param("ids") List<Long> ids, @Param("node") String node);

}
