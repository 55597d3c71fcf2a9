package org.unbinddesk.cases;

import java.util.Arrays;
import java.util.Optional;

/**
 * What kind of reason a reviewer (or a supervisor refusing the second approval) rejected a case for, chosen from a
 * list on the form: the dashboard groups rejections by it, while the reviewer's own words stay the reason the
 * merchant reads. The forms' select options carry these codes with the same Chinese names.
 */
public enum RejectionCategory {

	INCOMPLETE_DOCUMENTS("材料不全"), IDENTITY_DOUBTFUL("身份存疑"), ACCOUNT_RESTRICTED("账户受限"),
	SUSPECTED_FRAUD("疑似欺诈"), OTHER("其他");

	private final String nameZh;

	RejectionCategory(String nameZh) {
		this.nameZh = nameZh;
	}

	/** The name staff read (the dashboard, the forms). */
	public String nameZh() {
		return nameZh;
	}

	public static Optional<RejectionCategory> parse(String value) {
		return Arrays.stream(values()).filter(c -> c.name().equals(value)).findFirst();
	}

}
