/** The debug log of the operations a Redis datasource runs, saying which of them scan. */
package dev.refract.redis.log;
