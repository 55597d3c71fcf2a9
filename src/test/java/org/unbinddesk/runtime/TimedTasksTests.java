package org.unbinddesk.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.scheduling.TaskScheduler;
import org.unbinddesk.support.WebTestSupport;

/**
 * The service's timed tasks (sending notices and webhook events, compacting the H2 file, the nightly jobs) share the
 * scheduler the service runs them on: one task busy for long, a round of notices to a slow gateway or an outbox that
 * stays full under load, must not hold the others up (with one thread the H2 file's compaction stopped while the
 * outbox drained, and the file grew tenfold).
 */
class TimedTasksTests extends WebTestSupport {

	@Autowired
	TaskScheduler scheduler;

	@Test
	void aTaskBusyForLongDoesNotHoldTheOthersUp() throws InterruptedException {
		CountDownLatch release = new CountDownLatch(1);
		CountDownLatch busy = new CountDownLatch(1);
		CountDownLatch otherRan = new CountDownLatch(1);
		try {
			scheduler.schedule(() -> {
				busy.countDown();
				try {
					release.await(30, TimeUnit.SECONDS);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			}, Instant.now());
			assertThat(busy.await(10, TimeUnit.SECONDS)).as("the busy task started").isTrue();

			scheduler.schedule(otherRan::countDown, Instant.now());

			assertThat(otherRan.await(10, TimeUnit.SECONDS)).as("another task ran while the first was busy").isTrue();
		}
		finally {
			release.countDown();
		}
	}

}
