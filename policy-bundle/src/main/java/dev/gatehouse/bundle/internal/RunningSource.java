package dev.gatehouse.bundle.internal;

import static java.util.Objects.requireNonNull;

import dev.gatehouse.engine.PolicyEngineHolder;
import dev.gatehouse.engine.PolicySource;
import dev.gatehouse.engine.SourceStatus;

/** A policy source whose holder, status and listeners are those of its {@link SourceCore}. */
abstract class RunningSource implements PolicySource {

  /** The core every candidate goes through. */
  final SourceCore core;

  RunningSource(SourceCore core) {
    this.core = requireNonNull(core, "core");
  }

  @Override
  public final PolicyEngineHolder holder() {
    return core.holder();
  }

  @Override
  public final SourceStatus status() {
    return core.status();
  }

  @Override
  public final void addListener(Listener listener) {
    core.listeners().add(requireNonNull(listener, "listener"));
  }

  @Override
  public final void removeListener(Listener listener) {
    core.listeners().remove(listener);
  }
}
