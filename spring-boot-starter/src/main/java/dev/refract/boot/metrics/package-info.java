/** Micrometer metrics of the client: operation timers by model and operation, and pool gauges per datasource. */
package dev.refract.boot.metrics;
