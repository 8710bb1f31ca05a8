/** What the database remembers about stored files themselves: versions waiting for their deletion. */
package dev.chapitre.media.entity;
