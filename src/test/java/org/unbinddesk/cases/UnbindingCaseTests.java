package org.unbinddesk.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDateTime;

import org.junit.jupiter.api.Test;

/**
 * The rules a case enforces itself, whichever API drives the engine: what lets a terminal be unbound.
 */
class UnbindingCaseTests {

	private static final LocalDateTime NOW = LocalDateTime.of(2026, 11, 26, 10, 0);

	private static UnbindingCase openCase() {
		return openCase("APP");
	}

	private static UnbindingCase openCase(String channel) {
		return new UnbindingCase("UB-20261126-000001", "pi-1", new CaseRequest(channel, "898110000000001", "T0000001",
				null, "DEVICE_FAULT", "张伟", "110101198001011232", "13800000001", "LEGAL_PERSON", null), NOW);
	}

	@Test
	void aRequestNotFromTheMerchantsAppIsApprovedOnlyOnceTheMerchantConfirmedIt() {
		UnbindingCase c = openCase("PHONE");
		assertThat(c.needsMerchantConsent()).isTrue();

		assertThatThrownBy(() -> c.approve("reviewer1", NOW)).isInstanceOf(CaseRuleViolation.class)
			.hasMessageContaining("商户尚未确认本次解绑申请");
		assertThat(c.getApprovedBy()).isNull();
		c.recordMerchantConsent("intake1", NOW);
		c.approve("reviewer1", NOW);

		assertThat(c.unbindRefusal()).isEmpty();
		assertThatThrownBy(() -> c.recordMerchantConsent("intake1", NOW)).isInstanceOf(CaseRuleViolation.class);
		assertThat(openCase("APP").needsMerchantConsent()).isFalse();
	}

	@Test
	void mayBeUnboundOnlyOnceApproved() {
		UnbindingCase c = openCase();
		assertThat(c.unbindRefusal()).contains("no reviewer has approved it");

		c.approve("reviewer1", NOW);

		assertThat(c.unbindRefusal()).isEmpty();
	}

	@Test
	void aHighRiskCaseNeedsASecondApprovalByAnotherPerson() {
		UnbindingCase c = openCase();
		c.recordRisk("HIGH");
		c.approve("supervisor1", NOW);
		assertThat(c.unbindRefusal()).get().asString().contains("no second approval");

		assertThatThrownBy(() -> c.approveSecond("supervisor1", NOW)).isInstanceOf(CaseRuleViolation.class)
			.hasMessageContaining("高风险案件需由另一位主管复核");
		c.approveSecond("supervisor2", NOW);

		assertThat(c.unbindRefusal()).isEmpty();
	}

	@Test
	void aBlockedCaseCannotBeApprovedNorUnbound() {
		UnbindingCase c = openCase();
		c.recordBlocks("FUNDS_FROZEN,OPEN_DISPUTE");

		assertThatThrownBy(() -> c.approve("reviewer1", NOW)).hasMessageContaining("资金冻结、存在未结调单或拒付");
		assertThat(c.unbindRefusal()).get().asString().contains("a block is open");
	}

	@Test
	void aFeeMustHaveBeenAcceptedBeforeTheUnbind() {
		UnbindingCase c = openCase();
		c.recordFee(new BigDecimal("120.00"), BigDecimal.ZERO);
		c.approve("reviewer1", NOW);
		assertThat(c.unbindRefusal()).get().asString().contains("has not accepted the fee");

		c.acceptFee(NOW);

		assertThat(c.unbindRefusal()).isEmpty();
	}

	@Test
	void aClosedCaseCannotBeChanged() {
		UnbindingCase c = openCase();
		c.close(Outcome.CANCELLED, "商户撤回", NOW);

		assertThat(c.unbindRefusal()).get().asString().contains("closed");
		assertThatThrownBy(() -> c.approve("reviewer1", NOW)).isInstanceOf(CaseRuleViolation.class);
		assertThatThrownBy(() -> c.close(Outcome.UNBOUND, null, NOW)).isInstanceOf(CaseRuleViolation.class);
		assertThat(c.getOutcome()).isEqualTo(Outcome.CANCELLED);
	}

	@Test
	void aSecondApprovalNeedsAFirstOneAndApprovalNeedsAPerson() {
		UnbindingCase c = openCase();
		c.recordRisk("HIGH");

		assertThatThrownBy(() -> c.approveSecond("supervisor2", NOW)).isInstanceOf(CaseRuleViolation.class)
			.hasMessageContaining("尚无第一次批准");
		assertThatThrownBy(() -> c.approve(null, NOW)).isInstanceOf(CaseRuleViolation.class)
			.hasMessageContaining("已登录的审核人");
		assertThat(c.getApprovedBy()).isNull();
	}

	@Test
	void clearingTheBlocksLetsTheCaseBeApprovedAgain() {
		UnbindingCase c = openCase();
		c.recordBlocks("OUTSTANDING_FEES");
		assertThatThrownBy(() -> c.approve("reviewer1", NOW)).hasMessageContaining("有未缴费用");

		c.recordBlocks(" ");
		c.approve("reviewer1", NOW);

		assertThat(c.unbindRefusal()).isEmpty();
	}

	@Test
	void noFeeNeedsNoAcceptance() {
		UnbindingCase c = openCase();
		c.recordFee(BigDecimal.ZERO, new BigDecimal("299.00"));
		c.approve("reviewer1", NOW);

		assertThat(c.unbindRefusal()).isEmpty();
	}

	@Test
	void closingFreesTheTerminalAndTimesTheCaseFromItsOpening() {
		UnbindingCase c = openCase();
		c.identifyTerminal("SN-1", "T0000001");
		c.holdTerminal();

		c.close(Outcome.UNBOUND, "x".repeat(600), NOW.plusHours(2));

		assertThat(c.getStatus()).isEqualTo(CaseStatus.CLOSED);
		assertThat(c.getTotalSeconds()).isEqualTo(7200);
		assertThat(c.getOutcomeReason()).hasSize(500);
		assertThatThrownBy(() -> c.moveTo(Stage.REVIEW, NOW)).isInstanceOf(CaseRuleViolation.class);
	}

}
