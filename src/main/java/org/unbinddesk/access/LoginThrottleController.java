package org.unbinddesk.access;

import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.unbinddesk.problem.ProblemResponses;
import org.unbinddesk.problem.ProblemTypes;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * For admins: which users and client addresses are being slowed down after failed logins, and lifting a throttle.
 */
@RestController
@RequestMapping("/api/admin/login-throttles")
@Tag(name = "Administration")
@SecurityRequirement(name = "basic")
class LoginThrottleController {

	private final LoginThrottle throttle;

	LoginThrottleController(LoginThrottle throttle) {
		this.throttle = throttle;
	}

	@GetMapping
	@Operation(operationId = "listLoginThrottles", summary = "Users (user:<id>) and addresses (address:<ip>) that must wait before their next login")
	List<LoginThrottle.Throttled> throttled() {
		return throttle.throttled();
	}

	@DeleteMapping("/{key}")
	@Operation(operationId = "liftLoginThrottle", summary = "Lift a throttle (and, for a user, the engine's own login delay)")
	@ProblemResponses(ProblemTypes.NOT_FOUND)
	ResponseEntity<?> lift(@PathVariable String key) {
		if (!key.startsWith("user:") && !key.startsWith("address:")) {
			return ResponseEntity.status(ProblemTypes.NOT_FOUND.status())
				.body(ProblemTypes.NOT_FOUND.problem("No throttle " + key));
		}
		throttle.lift(key);
		return ResponseEntity.noContent().build();
	}

}
