/**
 * Value conversion between the closed scalar set and what r2dbc-postgresql takes and returns: an
 * ordered {@link dev.refract.r2dbc.codec.CodecRegistry} of small {@link dev.refract.r2dbc.codec.Codec}s,
 * first match wins, user codecs first.
 */
package dev.refract.r2dbc.codec;
