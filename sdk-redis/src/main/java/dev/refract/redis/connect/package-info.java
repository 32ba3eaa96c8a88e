/** Reading a Redis datasource's URL and holding its one shared Lettuce connection. */
package dev.refract.redis.connect;
