/** The health of the client's datasources, one indicator each, for Spring Boot's health endpoint. */
package dev.refract.boot.health;
