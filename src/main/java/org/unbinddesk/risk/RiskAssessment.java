package org.unbinddesk.risk;

import java.util.List;

/**
 * @param level {@code HIGH}, {@code MEDIUM} or {@code LOW}: the highest level of any signal; HIGH needs four eyes
 * @param signals the risk signals found, for the reviewer
 */
public record RiskAssessment(String level, List<String> signals) {

	public static final String HIGH = "HIGH";

	public static final String MEDIUM = "MEDIUM";

	public static final String LOW = "LOW";

	public boolean high() {
		return HIGH.equals(level);
	}

}
