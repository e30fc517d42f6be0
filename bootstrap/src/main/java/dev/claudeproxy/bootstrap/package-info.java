/** The composition root, configuration and the runnable server. */
package dev.claudeproxy.bootstrap;
