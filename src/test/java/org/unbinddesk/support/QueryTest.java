package org.unbinddesk.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase;
import org.springframework.boot.test.autoconfigure.orm.jpa.DataJpaTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

/**
 * The repositories alone ({@code @DataJpaTest}: entities, Spring Data, Flyway; no engine, web or services), on the
 * schema the migrations build, on a database of their own: H2, and real PostgreSQL in the suite's second run. Each
 * test's rows are rolled back.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@DataJpaTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@ActiveProfiles(resolver = TestProfiles.class)
@Import(EmbeddedPostgresConfiguration.class)
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:unbinddesk-queries;DB_CLOSE_DELAY=-1")
public @interface QueryTest {

}
