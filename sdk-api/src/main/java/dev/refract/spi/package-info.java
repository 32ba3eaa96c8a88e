/**
 * The adapter SPI: what a database adapter implements (execute, stream, raw SQL, transaction, capabilities,
 * ping, pool usage, close) and how the client finds it. Rows cross it positionally.
 */
package dev.refract.spi;
