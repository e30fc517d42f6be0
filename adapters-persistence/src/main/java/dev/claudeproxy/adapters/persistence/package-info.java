/** The H2 database, its schema migrated by Flyway, its health probe, and the repositories in it (sessions, traces). */
package dev.claudeproxy.adapters.persistence;
