package dev.chapitre.it;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;

/** Requests sent at the same moment, as two studio tabs or two scripts would: the answers in order. */
public final class AtOnce {

    private AtOnce() {
    }

    public static List<HttpResponse<String>> send(int count, Callable<HttpResponse<String>> request) throws Exception {
        var start = new CountDownLatch(1);
        var pool = Executors.newFixedThreadPool(count);
        try {
            var answers = new ArrayList<java.util.concurrent.Future<HttpResponse<String>>>();
            for (int i = 0; i < count; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return request.call();
                }));
            }
            start.countDown();
            var responses = new ArrayList<HttpResponse<String>>();
            for (var answer : answers) {
                responses.add(answer.get());
            }
            return responses;
        } finally {
            pool.shutdownNow();
        }
    }
}
