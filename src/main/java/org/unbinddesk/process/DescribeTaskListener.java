package org.unbinddesk.process;

import static org.unbinddesk.process.ExecutionValues.text;
import static org.unbinddesk.process.ProcessVariables.*;

import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Names each task after its case, in the Chinese the acquirer's staff read, so a Tasklist list says which merchant
 * and terminal a task is about ("审核解绑申请 · UB-20261125-000001 · 北京晨光便利店"). The model keeps its English step
 * names (history, timeline, Cockpit); codes in the description are given as their names.
 */
@Component("describeTask")
class DescribeTaskListener implements TaskListener {

	private static final Map<String, String> TASK_NAMES = Map.of(UserTasks.REVIEW_APPLICATION, "审核解绑申请",
			UserTasks.GIVE_SECOND_APPROVAL, "第二次批准", UserTasks.SUPPLY_DOCUMENTS, "补充材料",
			UserTasks.CALL_MERCHANT_BACK, "回访商户", UserTasks.RESOLVE_ACCOUNT_ISSUE, "处理解绑后的账户问题",
			UserTasks.CHECK_SUSPICIOUS_CALL, "核查可疑来电", UserTasks.RECEIVE_RETURNED_DEVICE, "设备到货验收");

	private static final Map<String, String> REASONS = Map.of("DEVICE_FAULT", "设备故障", "LOST_DEVICE", "设备遗失",
			"BUSINESS_CLOSED", "商户停业", "CHANGE_OF_OWNER", "经营者变更", "DEVICE_REPLACEMENT", "更换设备",
			"SWITCHING_PROVIDER", "更换收单机构");

	private static final Map<String, String> RISK_LEVELS = Map.of("LOW", "低", "MEDIUM", "中", "HIGH", "高");

	@Override
	public void notify(DelegateTask task) {
		String caseNumber = text(task, CASE_NUMBER);
		String merchant = text(task, MERCHANT_NAME);
		String name = TASK_NAMES.getOrDefault(task.getTaskDefinitionKey(), task.getName());
		task.setName(name + " · " + caseNumber + " · " + merchant);
		String reason = text(task, REASON);
		String risk = text(task, RISK_LEVEL);
		task.setDescription("受理编号 " + caseNumber + "：" + merchant + "（商户号 " + text(task, MERCHANT_NO) + "），终端号 "
				+ text(task, TERMINAL_ID) + "，解绑事由：" + REASONS.getOrDefault(reason, reason)
				+ (risk == null ? "" : "，风险等级：" + RISK_LEVELS.getOrDefault(risk, risk)) + "。");
	}

}
