/**
 * Locates sign-in addresses for the monitor with a MaxMind GeoIP2 or GeoLite2 database: see {@link
 * dev.gatehouse.monitor.maxmind.MaxMindIpLocator}.
 */
package dev.gatehouse.monitor.maxmind;
