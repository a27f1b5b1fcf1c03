/**
 * Decision logs: one JSON line per decision with its id, time, revision, effect, reasons, matched
 * and report-only policies, requirements and the request's attributes, masked. {@link
 * dev.gatehouse.decisionlog.DecisionLogger} decides and hands records to a {@link
 * dev.gatehouse.decisionlog.DecisionLogSink}; {@link
 * dev.gatehouse.decisionlog.AsyncDecisionLogSink} writes them on its own thread and drops,
 * counting, when it falls behind.
 */
package dev.gatehouse.decisionlog;
