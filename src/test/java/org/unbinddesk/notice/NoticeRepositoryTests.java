package org.unbinddesk.notice;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Limit;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.unbinddesk.support.QueryTest;

/**
 * The outbox's queries: which notices are due for a sending round, in order, a node taking one for a while, and a
 * notice found by its delivery id when a gateway's receipt comes back.
 */
@QueryTest
class NoticeRepositoryTests {

	private static final LocalDateTime NOW = LocalDateTime.of(2026, 11, 26, 10, 0);

	@Autowired
	NoticeRepository notices;

	@Autowired
	JdbcClient jdbc;

	private long notice(String status, LocalDateTime nextAttemptAt, LocalDateTime claimedUntil, String deliveryId) {
		jdbc.sql("""
				insert into notice (case_number, merchant_no, notice_type, language, text_zh, text_en, status,
				    created_at, channel, delivery_id, attempts, next_attempt_at, claimed_by, claimed_until)
				values ('UB-20261126-000001', '898120000000001', 'FEE_NOTICE', 'zh-CN', '【示例收单】', 'notice', ?, ?,
				    'SMS', ?, 0, ?, ?, ?)""")
			.params(status, NOW.minusDays(1), deliveryId, nextAttemptAt, claimedUntil == null ? null : "node-a",
					claimedUntil)
			.update();
		return jdbc.sql("select id from notice where delivery_id = ?").param(deliveryId).query(Long.class).single();
	}

	@Test
	void listsPendingNoticesDueNowOldestFirstLeavingOutClaimedAndSentOnes() {
		long later = notice("PENDING", NOW.minusMinutes(1), null, "q-later");
		long first = notice("PENDING", NOW.minusMinutes(5), null, "q-first");
		long claimExpired = notice("PENDING", NOW.minusMinutes(3), NOW.minusSeconds(1), "q-claim-expired");
		notice("PENDING", NOW.minusMinutes(4), NOW.plusMinutes(1), "q-claimed");
		notice("PENDING", NOW.plusMinutes(1), null, "q-not-yet");
		notice("SENT", NOW.minusMinutes(6), null, "q-sent");

		List<Long> due = notices.findDue(NOW, Limit.of(10));

		assertThat(due).containsExactly(first, claimExpired, later);
		assertThat(notices.findDue(NOW, Limit.of(2))).containsExactly(first, claimExpired);
	}

	@Test
	void findsTheNoticeAGatewayReceiptNames() {
		long id = notice("SENT", NOW, null, "q-receipt");

		assertThat(notices.findByDeliveryId("q-receipt")).map(Notice::getId).contains(id);
		assertThat(notices.findByDeliveryId("q-unknown")).isEmpty();
	}

	@Test
	void aNodeTakesADueNoticeOnlyWhenNoOtherHoldsItAndItIsStillDue() {
		long free = notice("PENDING", NOW.minusMinutes(1), null, "c-free");
		long dueNow = notice("PENDING", NOW, null, "c-due-now");
		long leaseOver = notice("PENDING", NOW.minusMinutes(1), NOW.minusSeconds(1), "c-lease-over");
		long held = notice("PENDING", NOW.minusMinutes(1), NOW.plusMinutes(1), "c-held");
		long leaseEndsNow = notice("PENDING", NOW.minusMinutes(1), NOW, "c-lease-ends-now");
		long sent = notice("SENT", NOW.minusMinutes(1), null, "c-sent");
		long notYet = notice("PENDING", NOW.plusSeconds(1), null, "c-not-yet");
		LocalDateTime until = NOW.plusMinutes(2);

		assertThat(notices.claim(free, "node-b", NOW, until)).isOne();
		assertThat(notices.claim(dueNow, "node-b", NOW, until)).isOne();
		assertThat(notices.claim(leaseOver, "node-b", NOW, until)).isOne();
		assertThat(notices.claim(held, "node-b", NOW, until)).isZero();
		assertThat(notices.claim(leaseEndsNow, "node-b", NOW, until)).isZero();
		assertThat(notices.claim(sent, "node-b", NOW, until)).isZero();
		assertThat(notices.claim(notYet, "node-b", NOW, until)).isZero();
		// taken once: another node asking for it gets nothing until the lease is over
		assertThat(notices.claim(free, "node-c", NOW, until)).isZero();

		assertThat(holder(free)).isEqualTo("node-b " + until);
		assertThat(holder(leaseOver)).isEqualTo("node-b " + until);
		assertThat(holder(held)).isEqualTo("node-a " + NOW.plusMinutes(1));
		assertThat(holder(sent)).isEqualTo("null null");
		assertThat(holder(notYet)).isEqualTo("null null");
	}

	private String holder(long id) {
		return jdbc.sql("select claimed_by, claimed_until from notice where id = ?")
			.param(id)
			.query((rs, n) -> rs.getString(1) + " " + rs.getObject(2, LocalDateTime.class))
			.single();
	}

}
