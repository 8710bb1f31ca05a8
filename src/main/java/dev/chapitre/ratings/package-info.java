/**
 * Listeners' ratings of shows and episodes: one per listener (their cookie) and target,
 * rate-limited per address, held for the producer's review beyond an address's daily allowance,
 * approved or hidden by the producer. A show's average includes its episodes' ratings.
 */
package dev.chapitre.ratings;
