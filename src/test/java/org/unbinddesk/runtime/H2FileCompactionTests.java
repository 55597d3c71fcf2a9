package org.unbinddesk.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The H2 file database, written commit by commit as the service writes it ({@code WRITE_DELAY=0;RETENTION_TIME=0}),
 * stays within a few times the data it holds when compacted while running, and grows far beyond it when not. Sizes,
 * not times: the same transactions either way.
 */
class H2FileCompactionTests {

	@TempDir
	Path dir;

	@Test
	void keepsTheFileNearTheDataItHolds() throws Exception {
		double without = fileOverData("without", false);
		double with = fileOverData("with", true);

		System.out.printf("H2 file / data after the same transactions: %.1f not compacted, %.1f compacted%n", without, with);
		assertThat(with).as("file / data, compacted while running").isLessThan(4);
		assertThat(without).as("file / data, not compacted").isGreaterThan(with * 2);
	}

	@Test
	void leavesOtherDatabasesAlone() throws Exception {
		try (SingleConnectionDataSource memory = new SingleConnectionDataSource("jdbc:h2:mem:compaction", "sa", "", true)) {
			H2FileCompaction compaction = new H2FileCompaction(memory, 80, 1 << 20, true);
			compaction.compact();
			assertThat(H2FileCompaction.fileStore(memory.getConnection())).isNull();
		}
	}

	private double fileOverData(String name, boolean compact) throws Exception {
		String url = "jdbc:h2:file:" + dir.resolve(name) + ";WRITE_DELAY=0;RETENTION_TIME=0";
		try (SingleConnectionDataSource db = new SingleConnectionDataSource(url, "sa", "", true)) {
			JdbcClient jdbc = JdbcClient.create(db);
			H2FileCompaction compaction = new H2FileCompaction(db, 80, 16 << 20, true);
			jdbc.sql("create table item (id bigint primary key, v varchar(400), n int)").update();
			jdbc.sql("create table trail (id bigint auto_increment primary key, item bigint, v varchar(400))").update();
			String pad = "x".repeat(300);
			for (int i = 0; i < 1500; i++) {
				jdbc.sql("insert into item values (?, ?, 0)").params(i, pad).update();
				for (int k = 0; k < 10; k++) {
					jdbc.sql("update item set n = n + 1, v = ? where id = ?").params(pad + k, i).update();
					jdbc.sql("insert into trail (item, v) values (?, ?)").params(i, pad).update();
				}
				if (i % 2 == 0) {
					jdbc.sql("delete from item where id = ?").param(i).update();
				}
				if (compact && i % 50 == 0) {
					compaction.compact();
				}
			}
			assertThat(H2FileCompaction.fileStore(db.getConnection())).isNotNull();
			long live = jdbc.sql("""
					select sum(disk_space_used(table_name)) from information_schema.tables
					where table_schema = 'PUBLIC'""").query(Long.class).single();
			return Files.size(dir.resolve(name + ".mv.db")) / (double) live;
		}
	}

}
