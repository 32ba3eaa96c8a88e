/**
 * Value conversion between the closed scalar set and BSON: a registry of small
 * {@link dev.refract.mongo.codec.ScalarCodec}s, per-model {@link dev.refract.mongo.codec.DocumentLayout}s,
 * and the driver {@link org.bson.codecs.Codec} that reads documents straight into positional rows.
 */
package dev.refract.mongo.codec;
