/**
 * Listeners' ratings of shows and episodes: one per listener and target (a cookie, or a salted
 * hash of address and User-Agent when the cookie is gone), rate-limited per address, hidden by
 * the producer when abusive. A show's average includes its episodes' ratings.
 */
package dev.chapitre.ratings;
