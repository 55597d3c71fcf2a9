package org.unbinddesk.process;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.camunda.bpm.engine.impl.cfg.IdGenerator;

/**
 * The engine's ids on an H2 file or in-memory database: short numbers from the engine's own counter ({@code next.dbid}
 * in {@code ACT_GE_PROPERTY}), taken a block at a time. Camunda's own block generator takes its block in a new
 * transaction on a second connection from the pool while the command that needs the id holds the first: with every
 * connection held by commands waiting for that block, the taker waits for the pool's time-out and the command fails
 * (seen under load as "Could not open JPA EntityManager"). Here the block is taken on a connection of its own, opened
 * for the purpose and closed at once, so it never waits for the pool. This object, one per engine, takes its blocks in
 * turn, and reads the counter {@code for update}: another process sharing the file ({@code AUTO_SERVER}) that takes a
 * block at the same moment waits for this one's commit and gets the next.
 */
final class EngineIdBlocks implements IdGenerator {

	/** The engine's database outside the pool: each connection opened for one block and closed after it. */
	private final DataSource unpooled;

	private final long blockSize;

	private long next = 1;

	private long last = 0;

	EngineIdBlocks(DataSource unpooled, long blockSize) {
		if (blockSize < 1) {
			throw new IllegalArgumentException("An id block holds at least one id, not " + blockSize);
		}
		this.unpooled = unpooled;
		this.blockSize = blockSize;
	}

	@Override
	public synchronized String getNextId() {
		if (next > last) {
			takeBlock();
		}
		return Long.toString(next++);
	}

	private void takeBlock() {
		try (Connection connection = unpooled.getConnection()) {
			connection.setAutoCommit(false);
			try {
				long first = counter(connection);
				try (PreparedStatement update = connection.prepareStatement(
						"update ACT_GE_PROPERTY set VALUE_ = ?, REV_ = REV_ + 1 where NAME_ = 'next.dbid'")) {
					update.setString(1, Long.toString(first + blockSize));
					update.executeUpdate();
				}
				connection.commit();
				next = first;
				last = first + blockSize - 1;
			}
			catch (SQLException | RuntimeException ex) {
				connection.rollback();
				throw ex;
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot take a block of engine ids", ex);
		}
	}

	private static long counter(Connection connection) throws SQLException {
		try (PreparedStatement select = connection
			.prepareStatement("select VALUE_ from ACT_GE_PROPERTY where NAME_ = 'next.dbid' for update");
				ResultSet row = select.executeQuery()) {
			if (!row.next()) {
				throw new IllegalStateException("The engine's tables have no id counter (next.dbid)");
			}
			return Long.parseLong(row.getString(1));
		}
	}

}
