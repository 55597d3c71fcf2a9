package org.unbinddesk.support;

import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.unbinddesk.cases.CaseProcess;

/**
 * Starts a case at a stage's first activity ({@code startBeforeActivity}), as Camunda's testing guidance does to test
 * a process in chunks. Steps find their case by process instance id, so the instance must be in the registry before
 * its first step runs, and its id is only known once the engine runs it. So on the new instance's first event that
 * sees the start's variables (Camunda's Spring eventing bridge), before any step, the process's own "Register request"
 * step records it: the stage begins with the case the Contact stage would have left.
 */
@Component
public class StageStarts {

	/** The variables of the start under way on this thread. */
	private static final ThreadLocal<Map<String, Object>> STARTING = new ThreadLocal<>();

	private final RuntimeService runtime;

	private final JavaDelegate registerRequest;

	StageStarts(RuntimeService runtime, @Qualifier("registerRequest") JavaDelegate registerRequest) {
		this.runtime = runtime;
		this.registerRequest = registerRequest;
	}

	/** A new case with this application, registered, its token placed before the activity and run to a wait state. */
	public ProcessInstance startBefore(String activityId, Map<String, Object> application) {
		STARTING.set(application);
		try {
			return runtime.createProcessInstanceByKey(CaseProcess.ID)
				.startBeforeActivity(activityId)
				.setVariables(application)
				.execute();
		}
		finally {
			STARTING.remove();
		}
	}

	@EventListener
	void registerBeforeTheFirstActivity(DelegateExecution execution) throws Exception {
		// the engine runs the start on the caller's thread; the instance's own start event comes before the start's
		// variables are set
		Map<String, Object> application = STARTING.get();
		if (application != null && execution.getVariableNames().containsAll(application.keySet())) {
			STARTING.remove();
			// the instance's own variables: an activity's input parameters are not a start's
			registerRequest.execute(execution.getProcessInstance());
		}
	}

}
