package org.unbinddesk.bench;

import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.unbinddesk.crash.ServiceProcess;

/**
 * A JVM's CPU time so far, all its threads, and the part of it each kind of thread has used: where a measure's CPU went
 * ({@link #putPer}). What the kinds below leave is the request threads (for the engine alone, the threads that start its
 * cases) and the rest, threads that have ended included.
 */
record ThreadCpu(Duration total, Map<String, Duration> kinds) {

	/** Each kind of thread with the pattern of its names, as Linux keeps them (their first 15 characters). */
	static final Map<String, String> KINDS = namePatterns();

	static final String REQUESTS_AND_REST = "requests and the rest";

	private static Map<String, String> namePatterns() {
		Map<String, String> kinds = new LinkedHashMap<>();
		kinds.put("job executor", "camundaTaskExec.*|JobExecutor\\[.*");
		kinds.put("timed tasks (H2 compaction, notices)", "unbinddesk-time.*");
		kinds.put("JIT compiler", "C[12] CompilerThre.*");
		kinds.put("GC and VM", "VM Thread|GC Thread.*|G1 .*|VM Periodic Tas");
		return kinds;
	}

	/** The JVM with this process id (the benchmark's own: {@code ProcessHandle.current().pid()}). */
	static ThreadCpu of(long pid) throws IOException {
		Map<String, Duration> kinds = new LinkedHashMap<>();
		for (Map.Entry<String, String> kind : KINDS.entrySet()) {
			kinds.put(kind.getKey(), ServiceProcess.cpuTimeOfThreads(pid, kind.getValue()));
		}
		Duration total = ProcessHandle.of(pid).orElseThrow().info().totalCpuDuration().orElseThrow();
		return new ThreadCpu(total, kinds);
	}

	/**
	 * Puts the CPU used from {@code before} to this, in ms per {@code count}: {@code measure} for the whole process, and
	 * "{@code measure}, kind" for each kind of thread and for {@link #REQUESTS_AND_REST}.
	 */
	void putPer(Map<String, Double> figures, String measure, ThreadCpu before, int count) {
		Duration all = total.minus(before.total);
		figures.put(measure, CostBench.millis(all) / count);
		Duration rest = all;
		for (String kind : KINDS.keySet()) {
			Duration used = kinds.get(kind).minus(before.kinds.get(kind));
			rest = rest.minus(used);
			figures.put(measure + ", " + kind, CostBench.millis(used) / count);
		}
		figures.put(measure + ", " + REQUESTS_AND_REST, CostBench.millis(rest) / count);
	}

}
