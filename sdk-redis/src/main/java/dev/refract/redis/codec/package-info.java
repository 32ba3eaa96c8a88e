/**
 * Value codecs: each field's Java value to the text stored in a Redis hash field and back, exact
 * for every type of the closed scalar set.
 */
package dev.refract.redis.codec;
