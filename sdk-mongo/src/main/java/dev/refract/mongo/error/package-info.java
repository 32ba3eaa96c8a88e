/** Driver exceptions onto the typed error family of {@code dev.refract.error}. */
package dev.refract.mongo.error;
