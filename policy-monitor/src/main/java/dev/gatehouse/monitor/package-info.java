/**
 * Sign-in monitoring: {@link dev.gatehouse.monitor.SignInMonitor} records {@link
 * dev.gatehouse.monitor.SignInEvent}s in a bounded {@link dev.gatehouse.monitor.SignInStore}, turns
 * the history into explainable {@link dev.gatehouse.monitor.RiskSignal}s, and fills {@code risk.*}
 * and {@code device.known} into an {@link dev.gatehouse.api.AccessRequest} before it is evaluated.
 */
@NullMarked
package dev.gatehouse.monitor;

import org.jspecify.annotations.NullMarked;
