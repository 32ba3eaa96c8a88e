/** Creates and updates planned as the arguments of the write scripts, apart from running them. */
package dev.refract.redis.write;
