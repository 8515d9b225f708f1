package com.internhire.platform;

import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Locks for scheduled jobs whose work must happen once across replicas: a method annotated
 * with {@code @SchedulerLock} runs on the replica that takes the lock (a row in
 * {@code shedlock}); the others skip that turn. Jobs that are per replica by nature stay
 * unlocked and say why where they are scheduled.
 *
 * <p>The database's clock decides when a lock expires, so replicas whose clocks drift apart
 * neither overlap nor skip each other's turns. The default {@code lockAtMostFor} applies only
 * to a lock that names none: it is how long a replica that died inside a job keeps the others
 * out.
 */
@Configuration(proxyBeanMethods = false)
@EnableSchedulerLock(defaultLockAtMostFor = "PT10M")
class SchedulerLocks {

  @Bean
  LockProvider lockProvider(DataSource dataSource) {
    return new JdbcTemplateLockProvider(
        JdbcTemplateLockProvider.Configuration.builder()
            .withJdbcTemplate(new JdbcTemplate(dataSource))
            .usingDbTime()
            .build());
  }
}
