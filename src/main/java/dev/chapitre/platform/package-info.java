/**
 * What every feature shares: the durable data source and start-up repairs, problem+json errors,
 * strict reading of client input, public URLs and client addresses, browser security headers and
 * the cross-site guard, preconditions, health. Nothing business-specific lives here.
 */
package dev.chapitre.platform;
