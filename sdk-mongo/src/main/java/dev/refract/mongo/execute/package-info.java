/** Running rendered commands on the driver, in a client session when a transaction is under way. */
package dev.refract.mongo.execute;
