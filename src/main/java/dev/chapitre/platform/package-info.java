/**
 * What every feature shares: the durable data source and start-up repairs, the one validation
 * mechanism ({@code Violations} → {@code InvalidInput}, mapped once to a 422 problem), the
 * {@code Slug} rule, problem+json errors, strict reading of client input, hashes and secrets
 * ({@code Digests}), public URLs and client addresses, browser security headers and the
 * cross-site guard, preconditions, health. Nothing business-specific lives here.
 */
package dev.chapitre.platform;
