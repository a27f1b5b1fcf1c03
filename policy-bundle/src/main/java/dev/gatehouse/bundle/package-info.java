/**
 * Signed policy bundles and the sources that ship them to every node: {@link
 * dev.gatehouse.bundle.Bundle} reads and checks a bundle, {@link dev.gatehouse.bundle.BundleKeys}
 * creates and reads Ed25519 keys, and {@link dev.gatehouse.bundle.PolicySources} starts a watched
 * directory, a bundle file or a bundle over HTTP feeding a {@link
 * dev.gatehouse.engine.PolicyEngineHolder}.
 */
@NullMarked
package dev.gatehouse.bundle;

import org.jspecify.annotations.NullMarked;
