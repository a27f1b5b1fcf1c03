package dev.gatehouse.spring;

import dev.gatehouse.api.Factor;
import dev.gatehouse.dsl.ParseResult;
import dev.gatehouse.engine.PolicyEngine;
import dev.gatehouse.engine.PolicyEngineHolder;
import dev.gatehouse.monitor.SignInMonitor;
import dev.gatehouse.monitor.SignInMonitorBuilder;
import dev.gatehouse.monitor.SignInStore;
import dev.gatehouse.servlet.AuthContextMapping;
import dev.gatehouse.servlet.ClientIp;
import dev.gatehouse.servlet.SubjectResolver;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.aopalliance.intercept.MethodInvocation;
import org.jspecify.annotations.Nullable;
import org.springframework.aop.Advisor;
import org.springframework.aop.support.Pointcuts;
import org.springframework.aop.support.annotation.AnnotationMatchingPointcut;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Role;
import org.springframework.core.io.ResourceLoader;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.method.AuthorizationManagerBeforeMethodInterceptor;
import org.springframework.util.ClassUtils;
import org.springframework.util.function.SingletonSupplier;

/**
 * Auto-configures Gatehouse: the running policies from {@code gatehouse.policies} (a set that does
 * not load stops the start with its diagnostics), their reload when {@code
 * gatehouse.reload.enabled}, a {@link SignInMonitor} fed by Spring Security's sign-in events, and
 * {@link GatehouseAuthorizationManager} with its {@link GatehouseAccessDeniedHandler}. Each bean
 * backs off when the application defines its own.
 *
 * <p>The monitor keeps its history in memory unless there is a {@link SignInStore} bean: one the
 * application defines, or the Redis store of {@link GatehouseRedisMonitorAutoConfiguration}.
 */
@AutoConfiguration
@EnableConfigurationProperties(GatehouseProperties.class)
public class GatehouseAutoConfiguration {

  private static final String REDIS_STORE = "dev.gatehouse.monitor.redis.RedisSignInStore";

  /** Creates the configuration; Spring calls it. */
  public GatehouseAutoConfiguration() {}

  /**
   * Returns the policy locations of {@code gatehouse.policies}.
   *
   * @param properties the properties
   * @return the policy locations
   */
  @Bean
  @ConditionalOnMissingBean
  public PolicyLocations gatehousePolicyLocations(GatehouseProperties properties) {
    return PolicyLocations.of(properties.getPolicies());
  }

  /**
   * Returns the holder of the running policies, loaded now.
   *
   * @param locations the policy locations
   * @return the holder of the running policies
   * @throws PolicyLoadException if the policies do not load; the application does not start
   */
  @Bean
  @ConditionalOnMissingBean
  public PolicyEngineHolder gatehousePolicyEngineHolder(PolicyLocations locations) {
    ParseResult result;
    try {
      result = locations.load();
    } catch (UncheckedIOException e) {
      throw new PolicyLoadException(
          "gatehouse policies did not load: " + e.getCause().getMessage(), List.of(), e);
    }
    if (result.hasErrors()) {
      throw new PolicyLoadException(
          "gatehouse policies did not load:\n" + result.render(), result.diagnostics(), null);
    }
    return new PolicyEngineHolder(PolicyEngine.compile(result.orThrow()));
  }

  /**
   * Returns the reloader, watching the policy files.
   *
   * @param holder the running policies
   * @param locations the policy locations
   * @param properties the properties
   * @return the reloader
   */
  @Bean
  @ConditionalOnMissingBean
  @ConditionalOnProperty(prefix = "gatehouse.reload", name = "enabled", havingValue = "true")
  public PolicyReloader gatehousePolicyReloader(
      PolicyEngineHolder holder, PolicyLocations locations, GatehouseProperties properties) {
    return new PolicyReloader(holder, locations, properties.getReload().getInterval());
  }

  /**
   * Returns the sign-in monitor: in memory, unless a {@link SignInStore} bean is defined (by the
   * application, or from {@code gatehouse.monitor.redis.*}).
   *
   * @param store a store the application defines, if any
   * @param properties the properties
   * @param clock a clock the application defines, if any
   * @param resources the application's resource loader, whose class loader is asked for the store
   * @return the sign-in monitor
   * @throws InvalidConfigurationPropertyValueException if {@code gatehouse.monitor.redis.uri} is
   *     set but {@code policy-monitor-redis} is not on the classpath: a history that the operator
   *     meant to share must not silently stay on one node
   */
  @Bean
  @ConditionalOnMissingBean
  @ConditionalOnProperty(
      prefix = "gatehouse.monitor",
      name = "enabled",
      havingValue = "true",
      matchIfMissing = true)
  public SignInMonitor gatehouseSignInMonitor(
      ObjectProvider<SignInStore> store,
      GatehouseProperties properties,
      ObjectProvider<Clock> clock,
      ResourceLoader resources) {
    SignInMonitorBuilder builder = SignInMonitor.builder().clock(clock(clock));
    SignInStore shared = store.getIfUnique();
    String redisUri = properties.getMonitor().getRedis().getUri();
    if (shared == null
        && redisUri != null
        && !ClassUtils.isPresent(REDIS_STORE, resources.getClassLoader())) {
      throw new InvalidConfigurationPropertyValueException(
          "gatehouse.monitor.redis.uri",
          redisUri,
          "the redis store is not on the classpath: add the dependency"
              + " `dev.gatehouse:policy-monitor-redis`, or remove the property to keep the"
              + " sign-in history in memory");
    }
    if (shared != null) {
      builder.store(shared);
    }
    return builder.build();
  }

  /**
   * Returns the listener recording Spring Security's sign-in events in the monitor.
   *
   * @param monitor the monitor
   * @param properties the properties
   * @param clock a clock the application defines, if any
   * @return the listener
   */
  @Bean
  @ConditionalOnMissingBean
  @ConditionalOnProperty(
      prefix = "gatehouse.monitor",
      name = "enabled",
      havingValue = "true",
      matchIfMissing = true)
  public SignInEventRecorder gatehouseSignInEventRecorder(
      SignInMonitor monitor, GatehouseProperties properties, ObjectProvider<Clock> clock) {
    return new SignInEventRecorder(monitor, clientIp(properties), clock(clock));
  }

  /**
   * Returns the mapping of Spring Security's {@code Authentication} onto the subject.
   *
   * @param properties the properties
   * @return the mapping
   */
  @Bean
  @ConditionalOnMissingBean
  public AuthenticationSubject gatehouseAuthenticationSubject(GatehouseProperties properties) {
    GatehouseProperties.Subject subject = properties.getSubject();
    AuthContextMapping.Builder mapping = AuthContextMapping.standard().toBuilder();
    for (Map.Entry<String, List<Factor>> e : subject.getAmr().entrySet()) {
      mapping.amr(e.getKey(), e.getValue().toArray(Factor[]::new));
    }
    for (Map.Entry<String, List<Factor>> e : subject.getAcr().entrySet()) {
      mapping.saml(e.getKey(), e.getValue().toArray(Factor[]::new));
    }
    return new AuthenticationSubject(
        subject.getClaims(),
        subject.getRolePrefix(),
        mapping.build(),
        subject.getMaxAuthTimeSkew());
  }

  /**
   * Returns the authorization manager deciding each request on the running policies.
   *
   * @param holder the running policies
   * @param subject the mapping of the authentication
   * @param properties the properties
   * @param clock a clock the application defines, if any
   * @param resolver a subject resolver the application defines, if any
   * @param monitor the monitor, if any
   * @return the authorization manager
   */
  @Bean
  @ConditionalOnMissingBean
  public GatehouseAuthorizationManager gatehouseAuthorizationManager(
      PolicyEngineHolder holder,
      AuthenticationSubject subject,
      GatehouseProperties properties,
      ObjectProvider<Clock> clock,
      ObjectProvider<SubjectResolver> resolver,
      ObjectProvider<SignInMonitor> monitor) {
    return new GatehouseAuthorizationManager(
        holder,
        Routes.of(properties.getRoutes()),
        subject,
        clientIp(properties),
        clock(clock),
        resolver.getIfUnique(),
        properties.getMonitor().isEnrichRequests() ? monitor.getIfUnique() : null);
  }

  /**
   * Returns the handler answering Gatehouse denials and challenges.
   *
   * @param properties the properties
   * @return the handler
   */
  @Bean
  @ConditionalOnMissingBean
  public GatehouseAccessDeniedHandler gatehouseAccessDeniedHandler(GatehouseProperties properties) {
    GatehouseProperties.Challenge challenge = properties.getChallenge();
    return new GatehouseAccessDeniedHandler(
        challenge.getAcrValues(), blankToNull(challenge.getStepUpUrl()));
  }

  /**
   * Returns the method interceptor deciding calls of {@link GatehouseAuthorize} methods; it takes
   * effect with {@code @EnableMethodSecurity}.
   *
   * @param requests the request manager
   * @return the method interceptor
   */
  @Bean
  @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
  @ConditionalOnMissingBean(name = "gatehouseMethodAuthorization")
  public static Advisor gatehouseMethodAuthorization(
      ObjectProvider<GatehouseAuthorizationManager> requests) {
    // Static and lazy: advisors are made before ordinary beans, the manager only at the first call.
    SingletonSupplier<GatehouseMethodAuthorizationManager> methods =
        SingletonSupplier.of(() -> new GatehouseMethodAuthorizationManager(requests.getObject()));
    AuthorizationManager<MethodInvocation> manager =
        (authentication, invocation) -> methods.obtain().authorize(authentication, invocation);
    return new AuthorizationManagerBeforeMethodInterceptor(
        Pointcuts.union(
            new AnnotationMatchingPointcut(null, GatehouseAuthorize.class, true),
            new AnnotationMatchingPointcut(GatehouseAuthorize.class, true)),
        manager);
  }

  private static @Nullable ClientIp clientIp(GatehouseProperties properties) {
    GatehouseProperties.ClientAddress client = properties.getClientAddress();
    return client.getTrustedProxies().isEmpty()
        ? null
        : ClientIp.trusting(client.getTrustedProxies(), client.getHeader());
  }

  private static Clock clock(ObjectProvider<Clock> clock) {
    return clock.getIfUnique(Clock::systemUTC);
  }

  private static @Nullable String blankToNull(@Nullable String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
