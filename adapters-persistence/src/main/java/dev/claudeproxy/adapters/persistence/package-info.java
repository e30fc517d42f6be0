/** The H2 database, its schema migrated by Flyway, and the repositories kept in it (sessions). */
package dev.claudeproxy.adapters.persistence;
