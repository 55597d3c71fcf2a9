package org.unbinddesk.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.unbinddesk.unbind.UnbindService;

/**
 * The whole service on a random port, as the process, API and browser tests share it: one application context for
 * all of them (each other configuration boots Camunda, Flyway and Tomcat once more, on H2 and again on PostgreSQL).
 * Its engine keeps the default name, by which the REST API and the web apps find it. {@link UnbindService} is a spy
 * that calls the real service unless a test makes it fail (reset after each test), so the failure test needs no
 * context of its own. Its data source counts what is written ({@link DatabaseWrites}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "camunda.bpm.generate-unique-process-engine-name=false")
@ActiveProfiles(resolver = TestProfiles.class)
@MockitoSpyBean(types = UnbindService.class)
@Import(DatabaseWrites.Wrapping.class)
public @interface ServiceTest {

}
