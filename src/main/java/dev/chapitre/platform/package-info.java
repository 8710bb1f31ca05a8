/**
 * What every feature shares: the data source, problem+json errors, public URLs, preconditions,
 * health. Nothing business-specific lives here.
 */
package dev.chapitre.platform;
