package dev.gatehouse.bench.report;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One JMH result: a benchmark at one set of parameters.
 *
 * @param benchmark the class and method, such as {@code EvaluateBenchmark.evaluateOne}
 * @param engine the {@code engine} parameter, or {@code gatehouse} without one
 * @param policies the {@code policies} parameter, 0 without one
 * @param axis what the rows of the benchmark's table vary: {@code policies}, or the only parameter
 *     of a benchmark without a policy count (such as a block size), or empty
 * @param at the value of {@code axis}, 0 when empty
 * @param score the primary score
 * @param error the primary score's 99.9% error, NaN when too few iterations
 * @param unit the primary score's unit
 * @param allocation bytes allocated per operation, NaN without {@code -prof gc}
 */
record Run(
    String benchmark,
    String engine,
    int policies,
    String axis,
    long at,
    double score,
    double error,
    String unit,
    double allocation) {

  static Run of(JsonNode node) {
    String full = node.path("benchmark").asText();
    int method = full.lastIndexOf('.');
    String name = full.substring(full.lastIndexOf('.', method - 1) + 1);
    JsonNode params = node.path("params");
    String axis = "";
    long at = 0;
    if (params.has("policies")) {
      axis = "policies";
      at = params.path("policies").asLong();
    } else if (params.size() == 1) {
      axis = params.fieldNames().next();
      at = params.path(axis).asLong();
    }
    JsonNode primary = node.path("primaryMetric");
    JsonNode alloc = node.path("secondaryMetrics").path("gc.alloc.rate.norm");
    return new Run(
        name,
        params.path("engine").asText(Report.GATEHOUSE),
        params.path("policies").asInt(),
        axis,
        at,
        primary.path("score").asDouble(),
        primary.path("scoreError").asDouble(Double.NaN),
        primary.path("scoreUnit").asText(),
        alloc.isMissingNode() ? Double.NaN : alloc.path("score").asDouble());
  }
}
