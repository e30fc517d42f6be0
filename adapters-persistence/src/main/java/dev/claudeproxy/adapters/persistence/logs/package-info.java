/** JSON-lines logging: the formatter, the daily log file, the log directory read back, and installing it all on JUL. */
package dev.claudeproxy.adapters.persistence.logs;
