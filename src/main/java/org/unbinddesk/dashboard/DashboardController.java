package org.unbinddesk.dashboard;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.unbinddesk.cases.CaseStatus;
import org.unbinddesk.cases.Outcome;
import org.unbinddesk.cases.RejectionCategory;
import org.unbinddesk.cases.Stage;

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

	private final DashboardCases cases;

	DashboardController(DashboardService dashboard, DashboardCases cases) {
		this.dashboard = dashboard;
		this.cases = cases;
	}

	@GetMapping("/api/dashboard")
	@Operation(operationId = "getDashboard", summary = "Figures of the last days: open cases by stage, outcomes per day, durations, SLA breaches, "
			+ "rejection reasons, fees and refunds, incidents")
	Dashboard dashboard(@RequestParam(defaultValue = "30") @Min(1) @Max(366) int days) {
		return dashboard.compute(days);
	}

	@GetMapping("/api/dashboard/cases")
	@Operation(summary = "The cases behind a figure: open in a stage, opened or closed (by outcome) on a day, "
			+ "rejected by kind of reason, reviews late on a due day; newest first, at most 200")
	DashboardCases.CaseList cases(@RequestParam(required = false) Stage stage,
			@RequestParam(required = false) String category,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueDay,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
			@RequestParam(required = false) Outcome outcome, @RequestParam(defaultValue = "false") boolean withFee,
			@RequestParam(required = false) CaseStatus status,
			@RequestParam(defaultValue = "30") @Min(1) @Max(366) int days) {
		if (category != null && !DashboardService.UNCATEGORISED.equals(category)
				&& RejectionCategory.parse(category).isEmpty()) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "category is not a kind of rejection reason");
		}
		return cases.find(new DashboardCases.Filter(stage, category, dueDay, day, outcome, withFee, status, days));
	}

	@Override
	public void addViewControllers(ViewControllerRegistry registry) {
		registry.addViewController("/dashboard").setViewName("forward:/dashboard/index.html");
		registry.addViewController("/dashboard/").setViewName("forward:/dashboard/index.html");
		registry.addViewController("/dashboard/cases").setViewName("forward:/dashboard/cases.html");
	}

}
