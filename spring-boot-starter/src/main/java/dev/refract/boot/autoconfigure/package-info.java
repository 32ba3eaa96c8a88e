/**
 * The auto-configuration of the generated client: which client ({@code refract.client}), its
 * datasources' URLs and pools ({@code refract.datasources.*}), options customizers, and closing it
 * on shutdown.
 */
package dev.refract.boot.autoconfigure;
