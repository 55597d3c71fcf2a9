package org.unbinddesk.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.unbinddesk.support.ServiceTest;

/**
 * The engine tables carry the indexes Unbind Desk adds (for the case view, for the job executor's look for due jobs),
 * and not the engine's indexes of columns that are empty in every row here (tenants, CMMN cases), on the embedded H2
 * database (the engine made its tables) as on PostgreSQL (Flyway ran Camunda's scripts and these).
 */
@ServiceTest
class EngineIndexesTests {

	@Autowired
	DataSource dataSource;

	@Test
	void eventSubscriptionsAreIndexedByProcessInstance() throws Exception {
		assertThat(indexedColumns("ACT_RU_EVENT_SUBSCR")).contains("UD_IDX_EVENT_SUBSCR_PROC_INST PROC_INST_ID_");
	}

	@Test
	void jobsAreIndexedByDueDate() throws Exception {
		assertThat(indexedColumns("ACT_RU_JOB")).contains("UD_IDX_JOB_DUEDATE DUEDATE_");
	}

	@Test
	void columnsAlwaysEmptyHereAreNotIndexed() throws Exception {
		assertThat(indexedColumns("ACT_HI_ACTINST")).contains("ACT_IDX_HI_ACT_INST_PROCINST PROC_INST_ID_")
			.noneMatch(index -> index.endsWith(" TENANT_ID_"));
		assertThat(indexedColumns("ACT_HI_VARINST")).contains("ACT_IDX_HI_PROCVAR_PROC_INST PROC_INST_ID_")
			.noneMatch(index -> index.endsWith(" TENANT_ID_") || index.endsWith(" CASE_INST_ID_"));
		assertThat(indexedColumns("ACT_RU_JOB")).noneMatch(index -> index.endsWith(" TENANT_ID_"));
		assertThat(indexedColumns("ACT_HI_DECINST")).noneMatch(index -> index.endsWith(" TENANT_ID_")
				|| index.endsWith(" CASE_INST_ID_"));
	}

	private List<String> indexedColumns(String table) throws Exception {
		List<String> found = new ArrayList<>();
		try (Connection connection = dataSource.getConnection()) {
			DatabaseMetaData meta = connection.getMetaData();
			for (String name : List.of(table, table.toLowerCase())) {
				try (ResultSet rs = meta.getIndexInfo(null, null, name, false, false)) {
					while (rs.next()) {
						if (rs.getString("INDEX_NAME") != null && rs.getString("COLUMN_NAME") != null) {
							found.add(rs.getString("INDEX_NAME").toUpperCase() + " "
									+ rs.getString("COLUMN_NAME").toUpperCase());
						}
					}
				}
			}
		}
		return found;
	}

}
