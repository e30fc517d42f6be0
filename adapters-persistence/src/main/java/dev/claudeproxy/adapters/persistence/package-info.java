/** adapters-persistence. */
package dev.claudeproxy.adapters.persistence;
