package dev.gatehouse.decisionlog;

/**
 * Takes decision records from {@link DecisionLogger}. Implementations are called on the thread that
 * decided, so they must return at once and never throw: queue the record, as {@link
 * AsyncDecisionLogSink} does, rather than write it.
 */
@FunctionalInterface
public interface DecisionLogSink {

  /**
   * Takes one record; returns without waiting.
   *
   * @param record the record
   */
  void accept(DecisionRecord record);
}
