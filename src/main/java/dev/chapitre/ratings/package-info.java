/**
 * Listeners' ratings of shows and episodes: the form they post (its token, honeypot and per-address
 * rate limit), one rating per listener (their cookie) and target, held for the producer's review
 * beyond an address's daily allowance, approved or hidden by the producer. A show's average
 * includes its episodes' ratings.
 */
package dev.chapitre.ratings;
