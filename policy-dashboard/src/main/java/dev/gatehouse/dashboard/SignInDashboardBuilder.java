package dev.gatehouse.dashboard;

import static java.util.Objects.requireNonNull;

import dev.gatehouse.engine.PolicyEngineHolder;
import dev.gatehouse.monitor.MemoryLimits;
import dev.gatehouse.monitor.SignInEvent;
import dev.gatehouse.monitor.SignInMonitor;
import dev.gatehouse.servlet.ClientIp;
import dev.gatehouse.servlet.SubjectResolver;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/** Configures a {@link SignInDashboard}; see {@link SignInDashboard#builder}. */
public final class SignInDashboardBuilder {

  final Consumer<Consumer<? super SignInEvent>> events;
  @Nullable PolicyEngineHolder access;
  @Nullable PolicyEngineHolder policies;
  SubjectResolver resolver = SubjectResolver.standard();
  ClientIp clientIp = ClientIp.direct();
  UserDirectory directory = UserDirectory.none();
  Duration refresh = Duration.ofSeconds(30);
  Clock clock = Clock.systemUTC();
  Supplier<SignInMonitor> riskMonitors =
      () -> SignInMonitor.builder().memoryLimits(MemoryLimits.defaults()).build();

  SignInDashboardBuilder(Consumer<Consumer<? super SignInEvent>> events) {
    this.events = requireNonNull(events, "events");
  }

  /**
   * Decides who may look with the {@code delegate} policies {@code holder} runs: required, since a
   * dashboard nobody governs would show everything to everyone.
   *
   * @param holder the host's running policies
   * @return this builder
   */
  public SignInDashboardBuilder governedBy(PolicyEngineHolder holder) {
    this.access = requireNonNull(holder, "holder");
    return this;
  }

  /**
   * Shows {@code holder}'s running policy set, its report-only impact on the recorded sign-ins and
   * a what-if form; without it those views are absent.
   *
   * @param holder the running policies to show
   * @return this builder
   */
  public SignInDashboardBuilder showPolicies(PolicyEngineHolder holder) {
    this.policies = requireNonNull(holder, "holder");
    return this;
  }

  /**
   * Resolves the signed-in administrator, as the host's {@code GatehouseFilter} does (default:
   * {@link SubjectResolver#standard()}).
   *
   * @param resolver the subject resolver
   * @return this builder
   */
  public SignInDashboardBuilder subjectResolver(SubjectResolver resolver) {
    this.resolver = requireNonNull(resolver, "resolver");
    return this;
  }

  /**
   * Finds the administrator's address (default: {@link ClientIp#direct()}).
   *
   * @param clientIp how to find the client address
   * @return this builder
   */
  public SignInDashboardBuilder clientIp(ClientIp clientIp) {
    this.clientIp = requireNonNull(clientIp, "clientIp");
    return this;
  }

  /**
   * Looks up the users whose sign-ins are shown, for delegations scoped by {@code target.*} and for
   * report-only replays (default: {@link UserDirectory#none()}).
   *
   * @param directory the user directory
   * @return this builder
   */
  public SignInDashboardBuilder users(UserDirectory directory) {
    this.directory = requireNonNull(directory, "directory");
    return this;
  }

  /**
   * Sets how old the dashboard's copy of the events may grow before a request reads them again
   * (default: 30 s); the rebuild runs in the background while the old copy keeps answering.
   *
   * @param refresh the longest age of the copy
   * @return this builder
   */
  public SignInDashboardBuilder refresh(Duration refresh) {
    if (refresh.isNegative()) {
      throw new IllegalArgumentException("refresh " + refresh + " is negative");
    }
    this.refresh = refresh;
    return this;
  }

  /**
   * Sets the monitor settings risk is scored with when the events are replayed (default: {@link
   * SignInMonitor#builder()}'s defaults); each call of {@code monitors} must return a new, empty
   * monitor.
   *
   * @param monitors makes an empty monitor
   * @return this builder
   */
  public SignInDashboardBuilder riskMonitors(Supplier<SignInMonitor> monitors) {
    this.riskMonitors = requireNonNull(monitors, "monitors");
    return this;
  }

  /**
   * Sets the clock of request times and of the copy's age (default: the system clock).
   *
   * @param clock the clock
   * @return this builder
   */
  public SignInDashboardBuilder clock(Clock clock) {
    this.clock = requireNonNull(clock, "clock");
    return this;
  }

  /**
   * {@return the dashboard}
   *
   * @throws IllegalStateException if {@link #governedBy} was not called
   */
  public SignInDashboard build() {
    if (access == null) {
      throw new IllegalStateException(
          "the dashboard needs the policies that govern it: call" + " `governedBy(holder)`");
    }
    return new SignInDashboard(this);
  }
}
