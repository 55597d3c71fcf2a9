package org.unbinddesk.support;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.listener.MethodExecutionContext;
import net.ttddyy.dsproxy.listener.MethodExecutionListener;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;

/**
 * What the service writes to its database, transaction by transaction: the test context's data source is wrapped (by
 * datasource-proxy), every insert, update and delete is counted by table with the rows it changed, each commit closes
 * a transaction, and the statements that only read are counted too. Engine and registry share the data source and the transaction, so both are counted. Nothing is
 * kept until a test {@link #record(Predicate) records}, and then only the transactions of the threads it names (the
 * test's own and the web server's), not those of the engine's or Spring's housekeeping.
 */
public final class DatabaseWrites implements QueryExecutionListener, MethodExecutionListener {

	private static final Pattern WRITE = Pattern
		.compile("^\\s*(insert\\s+into|update|delete\\s+from)\\s+([\\w.\"]+)", Pattern.CASE_INSENSITIVE);

	/** Rows written so far on each connection, since its last commit or rollback. */
	private final Map<String, Map<String, Integer>> open = new ConcurrentHashMap<>();

	private volatile Recording recording;

	/** Stops keeping what {@link #record} kept (the context is shared by the tests that run after). */
	public void stop() {
		recording = null;
	}

	/** Keeps the transactions committed from now on by the threads the filter accepts, until {@link #stop()}. */
	public Recording record(Predicate<Thread> threads) {
		Recording started = new Recording(threads);
		recording = started;
		return started;
	}

	@Override
	public void beforeQuery(ExecutionInfo execution, List<QueryInfo> queries) {
	}

	@Override
	public void afterQuery(ExecutionInfo execution, List<QueryInfo> queries) {
		if (recording == null || !execution.isSuccess()) {
			return;
		}
		int[] changed = rowsChanged(execution.getResult());
		int next = 0;
		for (QueryInfo query : queries) {
			Matcher write = WRITE.matcher(query.getQuery());
			int sets = Math.max(1, query.getParametersList().size());
			int rows = 0;
			for (int i = 0; i < sets; i++, next++) {
				rows += changed != null && next < changed.length && changed[next] >= 0 ? changed[next] : 1;
			}
			if (!write.find()) {
				Recording current = recording;
				if (current != null && current.threads.test(Thread.currentThread())) {
					current.reads.incrementAndGet();
				}
				continue;
			}
			if (rows > 0) {
				String verb = write.group(1).substring(0, 1).toUpperCase(Locale.ROOT);
				String table = write.group(2).replace("\"", "").toUpperCase(Locale.ROOT);
				open.computeIfAbsent(execution.getConnectionId(), id -> new TreeMap<>())
					.merge(verb + " " + table, rows, Integer::sum);
			}
		}
	}

	private static int[] rowsChanged(Object result) {
		if (result instanceof int[] counts) {
			return counts;
		}
		if (result instanceof long[] counts) {
			return java.util.Arrays.stream(counts).mapToInt(Math::toIntExact).toArray();
		}
		if (result instanceof Number count) {
			return new int[] { count.intValue() };
		}
		return null;
	}

	@Override
	public void beforeMethod(MethodExecutionContext context) {
	}

	@Override
	public void afterMethod(MethodExecutionContext context) {
		if (!(context.getTarget() instanceof Connection) || context.getThrown() != null) {
			return;
		}
		String method = context.getMethod().getName();
		if (!method.equals("commit") && !method.equals("rollback") && !method.equals("close")) {
			return;
		}
		Map<String, Integer> rows = open.remove(context.getConnectionInfo().getConnectionId());
		Recording current = recording;
		if (current != null && current.threads.test(Thread.currentThread())) {
			// a connection closed with rows written ran in auto-commit: each statement was its own commit
			current.transactions.add(new Transaction(!method.equals("rollback"), rows == null ? Map.of() : rows));
		}
	}

	/** One transaction: committed or not, and the rows it wrote by statement and table ("I ACT_RU_JOB"). */
	public record Transaction(boolean committed, Map<String, Integer> rows) {

		public int rowsWritten() {
			return rows.values().stream().mapToInt(Integer::intValue).sum();
		}

		public int rowsOf(String statementAndTable) {
			return rows.getOrDefault(statementAndTable, 0);
		}

	}

	/** The transactions of the recorded threads, in the order they ended; read them with {@link #take()}. */
	public static final class Recording {

		private final Predicate<Thread> threads;

		private final List<Transaction> transactions = java.util.Collections.synchronizedList(new ArrayList<>());

		private final java.util.concurrent.atomic.AtomicInteger reads = new java.util.concurrent.atomic.AtomicInteger();

		private Recording(Predicate<Thread> threads) {
			this.threads = threads;
		}

		/** The committed transactions that wrote something since the last take, and forgets them. */
		public List<Transaction> take() {
			synchronized (transactions) {
				List<Transaction> taken = transactions.stream()
					.filter(t -> t.committed() && t.rowsWritten() > 0)
					.toList();
				transactions.clear();
				return taken;
			}
		}

		/** The statements that read (selects, in any transaction) since the last call, and forgets them. */
		public int takeReads() {
			return reads.getAndSet(0);
		}

	}

	/** Wraps the context's data sources; imported by {@link ServiceTest}. */
	@TestConfiguration(proxyBeanMethods = false)
	public static class Wrapping {

		@Bean
		static DatabaseWrites databaseWrites() {
			return new DatabaseWrites();
		}

		@Bean
		static BeanPostProcessor countDatabaseWrites(org.springframework.beans.factory.ObjectProvider<DatabaseWrites> writes) {
			return new BeanPostProcessor() {

				@Override
				public Object postProcessAfterInitialization(Object bean, String beanName) {
					if (bean instanceof DataSource dataSource && !(bean instanceof net.ttddyy.dsproxy.support.ProxyDataSource)) {
						DatabaseWrites listener = writes.getObject();
						return ProxyDataSourceBuilder.create(beanName, dataSource)
							.listener(listener)
							.methodListener(listener)
							.build();
					}
					return bean;
				}

			};
		}

	}

}
