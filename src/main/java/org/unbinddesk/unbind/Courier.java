package org.unbinddesk.unbind;

import java.util.Arrays;
import java.util.Optional;

/** The couriers merchants send devices back with. */
public enum Courier {

	SF("顺丰速运"), JD("京东物流"), EMS("中国邮政 EMS"), ZTO("中通快递"), YTO("圆通速递"), STO("申通快递"), YUNDA("韵达快递"),
	OTHER("其他快递");

	private final String chinese;

	Courier(String chinese) {
		this.chinese = chinese;
	}

	public String chinese() {
		return chinese;
	}

	/** The courier named by a code, ignoring case and spaces; empty for nothing or an unknown code. */
	public static Optional<Courier> parse(String code) {
		if (code == null || code.isBlank()) {
			return Optional.empty();
		}
		return Arrays.stream(values()).filter(c -> c.name().equalsIgnoreCase(code.strip())).findFirst();
	}

}
