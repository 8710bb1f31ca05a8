package dev.chapitre.feeds.control;

/** What an address returned is not a podcast feed that can be read; the message says what it is instead. */
public class NotAFeed extends Exception {

    public NotAFeed(String message) {
        super(message);
    }
}
