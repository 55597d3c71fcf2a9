package org.unbinddesk.bench;

import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.unbinddesk.crash.ServiceProcess;
import org.unbinddesk.crash.ServiceProcess.ThreadTime;

/**
 * A JVM's CPU time so far, all its threads, and each live thread's: where a measure's CPU went ({@link #putPer}), by
 * kind of thread. What the kinds below leave is the request threads (for the engine alone, the threads that start its
 * cases) and the rest, with the CPU of threads that ended between the two readings.
 */
record ThreadCpu(Duration total, Map<Long, ThreadTime> threads) {

	/** Each kind of thread with the pattern of its names, as Linux keeps them (their first 15 characters). */
	static final Map<String, String> KINDS = namePatterns();

	static final String REQUESTS_AND_REST = "requests and the rest";

	private static Map<String, String> namePatterns() {
		Map<String, String> kinds = new LinkedHashMap<>();
		kinds.put("job executor", "camundaTaskExec.*|JobExecutor\\[.*");
		kinds.put("timed tasks (H2 compaction, notices)", "unbinddesk-time.*");
		kinds.put("JIT compiler", ServiceProcess.COMPILER_THREADS);
		kinds.put("GC and VM", "VM Thread|GC Thread.*|G1 .*|VM Periodic Tas");
		return kinds;
	}

	/** The JVM with this process id (the benchmark's own: {@code ProcessHandle.current().pid()}). */
	static ThreadCpu of(long pid) throws IOException {
		Map<Long, ThreadTime> threads = ServiceProcess.threadTimes(pid);
		return new ThreadCpu(ProcessHandle.of(pid).orElseThrow().info().totalCpuDuration().orElseThrow(), threads);
	}

	/**
	 * Puts the CPU used from {@code before} to this, in ms per {@code count}: {@code measure} for the whole process, and
	 * "{@code measure}, kind" for each kind of thread (each thread's CPU since {@code before}, all of it for a thread
	 * started since) and for {@link #REQUESTS_AND_REST}.
	 */
	void putPer(Map<String, Double> figures, String measure, ThreadCpu before, int count) {
		Duration all = total.minus(before.total);
		figures.put(measure, CostBench.millis(all) / count);
		Duration rest = all;
		for (Map.Entry<String, String> kind : KINDS.entrySet()) {
			Duration used = Duration.ZERO;
			for (Map.Entry<Long, ThreadTime> thread : threads.entrySet()) {
				if (thread.getValue().name().matches(kind.getValue())) {
					ThreadTime now = thread.getValue();
					ThreadTime earlier = before.threads.get(thread.getKey());
					// a thread id Linux gave again to a new thread is a new thread
					boolean same = earlier != null && earlier.name().equals(now.name())
							&& earlier.cpu().compareTo(now.cpu()) <= 0;
					used = used.plus(same ? now.cpu().minus(earlier.cpu()) : now.cpu());
				}
			}
			rest = rest.minus(used);
			figures.put(measure + ", " + kind.getKey(), CostBench.millis(used) / count);
		}
		figures.put(measure + ", " + REQUESTS_AND_REST, CostBench.millis(rest) / count);
	}

}
