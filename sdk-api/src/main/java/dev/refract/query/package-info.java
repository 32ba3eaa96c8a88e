/**
 * The query model: every model operation as plain immutable data (records and sealed interfaces)
 * that an adapter pattern-matches on and renders to its native form.
 */
package dev.refract.query;
