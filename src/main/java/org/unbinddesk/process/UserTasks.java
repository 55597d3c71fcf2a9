package org.unbinddesk.process;

/** The user tasks of {@code TerminalUnbinding} that code outside the model names, by their ids in the BPMN. */
public final class UserTasks {

	public static final String REVIEW_APPLICATION = "Task_ReviewApplication";

	public static final String GIVE_SECOND_APPROVAL = "Task_GiveSecondApproval";

	public static final String SUPPLY_DOCUMENTS = "Task_SupplyDocuments";

	public static final String CALL_MERCHANT_BACK = "Task_CallMerchantBack";

	public static final String RESOLVE_ACCOUNT_ISSUE = "Task_ResolveAccountIssue";

	public static final String CHECK_SUSPICIOUS_CALL = "Task_CheckSuspiciousCall";

	public static final String RECEIVE_RETURNED_DEVICE = "Task_ReceiveReturnedDevice";

	private UserTasks() {
	}

}
