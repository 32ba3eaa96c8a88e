/** How the driver's connection pools of a MongoDB datasource are used, counted from the driver's pool events. */
package dev.refract.mongo.pool;
