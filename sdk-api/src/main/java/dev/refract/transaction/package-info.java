/**
 * Transactions of one datasource: the options a transaction runs with (isolation level, timeout,
 * how long to wait for a connection, which datasource) for the client's interactive and batch
 * transactions and for the adapter SPI's {@code inTransaction}.
 */
package dev.refract.transaction;
