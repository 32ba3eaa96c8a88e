/**
 * The adapter SPI: what a database adapter implements (execute, stream, raw SQL, transaction, capabilities,
 * close) and how the client finds it. Rows cross it positionally.
 */
package dev.refract.spi;
