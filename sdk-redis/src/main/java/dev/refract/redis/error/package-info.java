/** Lettuce and network errors translated into Refract's typed errors, the URL's password hidden. */
package dev.refract.redis.error;
