package org.unbinddesk.process;

import java.time.Duration;
import java.time.Period;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * The deadlines and limits of the unbinding process that operations may change without a redeployment
 * ({@code unbinddesk.process.*}). The BPMN reads them as {@code ${unbindingSettings.documentsDeadline}} and so on;
 * timer durations are handed to the engine as ISO 8601 text.
 */
@Component("unbindingSettings")
@ConfigurationProperties("unbinddesk.process")
public class UnbindingSettings {

	/** How long a case waits for missing documents before it lapses. */
	private Period documentsDeadline = Period.ofDays(7);

	/** How long a merchant has to accept a non-zero fee before the case is withdrawn. */
	private Period feeDecisionDeadline = Period.ofDays(7);

	/** How often the account of a case waiting for its block to clear is checked again. */
	private Duration blockRecheckInterval = Duration.ofDays(1);

	/** How long a blocked case waits for the block to clear before the application lapses. */
	private Period blockClearDeadline = Period.ofDays(15);

	/** Working days a reviewer has before the review is escalated to supervisors. */
	private int reviewSlaWorkingDays = 1;

	/** The acquirer's code in reports to the clearing organisation. */
	private String acquirerCode = "48581000";

	public String getDocumentsDeadline() {
		return documentsDeadline.toString();
	}

	public void setDocumentsDeadline(Period documentsDeadline) {
		this.documentsDeadline = documentsDeadline;
	}

	public Period documentsDeadlinePeriod() {
		return documentsDeadline;
	}

	public String getFeeDecisionDeadline() {
		return feeDecisionDeadline.toString();
	}

	public void setFeeDecisionDeadline(Period feeDecisionDeadline) {
		this.feeDecisionDeadline = feeDecisionDeadline;
	}

	public Period feeDecisionDeadlinePeriod() {
		return feeDecisionDeadline;
	}

	public String getBlockRecheckInterval() {
		return blockRecheckInterval.toString();
	}

	public void setBlockRecheckInterval(Duration blockRecheckInterval) {
		this.blockRecheckInterval = blockRecheckInterval;
	}

	public Period blockClearDeadlinePeriod() {
		return blockClearDeadline;
	}

	public String getBlockClearDeadline() {
		return blockClearDeadline.toString();
	}

	public void setBlockClearDeadline(Period blockClearDeadline) {
		this.blockClearDeadline = blockClearDeadline;
	}

	public int getReviewSlaWorkingDays() {
		return reviewSlaWorkingDays;
	}

	public void setReviewSlaWorkingDays(int reviewSlaWorkingDays) {
		this.reviewSlaWorkingDays = reviewSlaWorkingDays;
	}

	public String getAcquirerCode() {
		return acquirerCode;
	}

	public void setAcquirerCode(String acquirerCode) {
		this.acquirerCode = acquirerCode;
	}

}
