/**
 * Producers and how they prove who they are: PBKDF2 passwords, API tokens, the identity store, and
 * the one HTTP authentication mechanism (Basic and Bearer on the API, the studio's sign-in and
 * sign-out pages and its database sessions with CSRF tokens), with failed attempts throttled per account and address.
 */
package dev.chapitre.security;
