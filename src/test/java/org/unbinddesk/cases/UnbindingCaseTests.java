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
		return new UnbindingCase("UB-20261126-000001", "pi-1", new CaseRequest("PHONE", "898110000000001", "T0000001",
				null, "DEVICE_FAULT", "张伟", "110101198001011232", "13800000001", "LEGAL_PERSON", null), NOW);
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

}
