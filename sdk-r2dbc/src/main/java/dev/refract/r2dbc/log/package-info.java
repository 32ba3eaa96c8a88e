/**
 * Query events on SLF4J, logger {@code dev.refract.query} at DEBUG: model, operation, rows,
 * duration and outcome of every statement. Parameter values are hidden (only their number is
 * logged) unless the adapter is built with them shown or the system property
 * {@value dev.refract.r2dbc.log.QueryLog#SHOW_PARAMETERS_PROPERTY} is {@code true}.
 */
package dev.refract.r2dbc.log;
