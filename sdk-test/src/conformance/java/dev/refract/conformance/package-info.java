/**
 * The model-operation conformance kit: tests of every model operation, written once against the
 * generated client of the kit's schemas and run by every adapter module against its real server.
 * An ability an adapter lacks is declared in its {@link dev.refract.spi.Capabilities} and skips
 * the tests that need it ({@link dev.refract.conformance.Ability}); nothing else does.
 */
package dev.refract.conformance;
