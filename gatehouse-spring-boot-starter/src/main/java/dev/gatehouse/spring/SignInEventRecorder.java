package dev.gatehouse.spring;

import static java.util.Objects.requireNonNull;

import dev.gatehouse.api.IpAddress;
import dev.gatehouse.monitor.SignInEvent;
import dev.gatehouse.monitor.SignInMonitor;
import dev.gatehouse.servlet.ClientIp;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationListener;
import org.springframework.security.authentication.event.AbstractAuthenticationEvent;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Records Spring Security's sign-in events in the {@link SignInMonitor}: an {@link
 * AuthenticationSuccessEvent} as a success, an {@link AbstractAuthenticationFailureEvent} as failed
 * credentials. A bearer token checked on each request is no sign-in, so its events are skipped, as
 * are events without a user name or a client address.
 */
public final class SignInEventRecorder implements ApplicationListener<AbstractAuthenticationEvent> {

  private final SignInMonitor monitor;
  private final @Nullable ClientIp clientIp;
  private final Clock clock;

  /**
   * Creates the recorder.
   *
   * @param monitor the monitor recorded in
   * @param clientIp the trusted proxies, or null to take the address the container reports
   * @param clock the clock giving the time of each event
   */
  public SignInEventRecorder(SignInMonitor monitor, @Nullable ClientIp clientIp, Clock clock) {
    this.monitor = requireNonNull(monitor, "monitor");
    this.clientIp = clientIp;
    this.clock = requireNonNull(clock, "clock");
  }

  @Override
  public void onApplicationEvent(AbstractAuthenticationEvent event) {
    SignInEvent.Outcome outcome;
    if (event instanceof AuthenticationSuccessEvent) {
      outcome = SignInEvent.Outcome.SUCCESS;
    } else if (event instanceof AbstractAuthenticationFailureEvent) {
      outcome = SignInEvent.Outcome.FAILED_CREDENTIALS;
    } else {
      return; // the interactive and switch-user events repeat a success already recorded
    }
    Authentication authentication = event.getAuthentication();
    String user = authentication.getName();
    if (user == null
        || user.isBlank()
        || GatehouseAccessDeniedHandler.BearerTokens.isBearer(authentication)
        || authentication.getClass().getSimpleName().equals("BearerTokenAuthenticationToken")) {
      return;
    }
    Optional<IpAddress> ip = clientAddress(authentication);
    if (ip.isEmpty()) {
      return;
    }
    monitor.record(
        new SignInEvent(
            user, clock.instant(), ip.get(), null, null, null, outcome, List.of(), List.of()));
  }

  private Optional<IpAddress> clientAddress(Authentication authentication) {
    if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attrs) {
      HttpServletRequest request = attrs.getRequest();
      return clientIp != null ? clientIp.resolve(request) : peer(request.getRemoteAddr());
    }
    if (clientIp == null && authentication.getDetails() instanceof WebAuthenticationDetails d) {
      return peer(d.getRemoteAddress());
    }
    return Optional.empty();
  }

  private static Optional<IpAddress> peer(@Nullable String address) {
    return address == null ? Optional.empty() : ClientIp.direct().resolve(address, List.of());
  }
}
