package org.unbinddesk.access;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Where the engine-facing guards sit: limits before the engine REST API's login (order 10, see
 * {@code RestAuthenticationConfiguration}), the start guard after it, on the engine REST API and on the same API as the
 * web apps use it.
 */
@Configuration(proxyBeanMethods = false)
class EngineRequestFilters {

	static final String[] ENGINE_APIS = { "/engine-rest/*", "/camunda/api/*" };

	@Bean
	FilterRegistrationBean<EngineRequestLimits> engineRequestLimits(LoginThrottle throttle) {
		FilterRegistrationBean<EngineRequestLimits> registration = new FilterRegistrationBean<>(
				new EngineRequestLimits(throttle));
		registration.addUrlPatterns(ENGINE_APIS);
		registration.setOrder(9);
		return registration;
	}

	@Bean
	FilterRegistrationBean<EngineStartGuard> engineStartGuard(IdentityService identity) {
		FilterRegistrationBean<EngineStartGuard> registration = new FilterRegistrationBean<>(
				new EngineStartGuard(identity));
		registration.addUrlPatterns(ENGINE_APIS);
		registration.setOrder(11);
		return registration;
	}

}
