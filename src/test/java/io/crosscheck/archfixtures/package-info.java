/**
 * Small packages that break the architecture rules on purpose, one rule each, so that
 * {@code ArchitectureTest} can show every rule failing. Never imported by the application.
 */
package io.crosscheck.archfixtures;
