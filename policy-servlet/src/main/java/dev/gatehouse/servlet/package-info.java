/**
 * A Jakarta Servlet filter that enforces Gatehouse decisions: {@link
 * dev.gatehouse.servlet.GatehouseFilter} builds an access request from each HTTP request, asks the
 * running policies and permits, denies or challenges.
 */
@NullMarked
package dev.gatehouse.servlet;

import org.jspecify.annotations.NullMarked;
