/**
 * The core generated clients delegate to: client options, the router from model to datasource,
 * lazy adapter start and closing.
 */
package dev.refract.client;
