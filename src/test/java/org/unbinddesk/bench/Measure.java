package org.unbinddesk.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs {@code count} calls on {@code concurrency} threads and keeps each call's latency.
 */
final class Measure {

	record Result(String what, int concurrency, int calls, int errors, double seconds, double p50Millis,
			double p99Millis) {

		double perSecond() {
			return calls / seconds;
		}
	}

	interface Call {

		void run(int i) throws Exception;

	}

	static Result run(String what, int concurrency, int count, Call call) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(concurrency);
		List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
		AtomicInteger errors = new AtomicInteger();
		AtomicInteger next = new AtomicInteger();
		long start = System.nanoTime();
		List<Future<?>> workers = new ArrayList<>();
		for (int t = 0; t < concurrency; t++) {
			workers.add(pool.submit(() -> {
				int i;
				while ((i = next.getAndIncrement()) < count) {
					long t0 = System.nanoTime();
					try {
						call.run(i);
					}
					catch (Exception ex) {
						if (errors.incrementAndGet() <= 3) {
							System.err.println(what + ": " + ex);
						}
					}
					latencies.add(System.nanoTime() - t0);
				}
				return null;
			}));
		}
		for (Future<?> w : workers) {
			w.get();
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		pool.shutdown();
		List<Long> sorted = new ArrayList<>(latencies);
		Collections.sort(sorted);
		return new Result(what, concurrency, count, errors.get(), seconds, percentile(sorted, 0.5),
				percentile(sorted, 0.99));
	}

	static double percentile(List<Long> sortedNanos, double p) {
		if (sortedNanos.isEmpty()) {
			return Double.NaN;
		}
		int index = (int) Math.ceil(p * sortedNanos.size()) - 1;
		return sortedNanos.get(Math.max(0, index)) / 1e6;
	}

}
