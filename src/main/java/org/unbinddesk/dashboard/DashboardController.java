package org.unbinddesk.dashboard;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The dashboard's figures as JSON, and the page that charts them ({@code /dashboard}), for supervisors and operations.
 */
@RestController
@Tag(name = "Dashboard")
@SecurityRequirement(name = "basic")
class DashboardController implements WebMvcConfigurer {

	private final DashboardService dashboard;

	DashboardController(DashboardService dashboard) {
		this.dashboard = dashboard;
	}

	@GetMapping("/api/dashboard")
	@Operation(operationId = "getDashboard", summary = "Figures of the last days: open cases by stage, outcomes per day, durations, SLA breaches, "
			+ "rejection reasons, fees and refunds, incidents")
	Dashboard dashboard(@RequestParam(defaultValue = "30") @Min(1) @Max(366) int days) {
		return dashboard.compute(days);
	}

	@Override
	public void addViewControllers(ViewControllerRegistry registry) {
		registry.addViewController("/dashboard").setViewName("forward:/dashboard/index.html");
		registry.addViewController("/dashboard/").setViewName("forward:/dashboard/index.html");
	}

}
