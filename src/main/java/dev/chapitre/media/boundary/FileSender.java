package dev.chapitre.media.boundary;

import dev.chapitre.media.control.FileVersion;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * Copies a byte range of an open file to the response whenever the connection is ready for more
 * (servlet non-blocking I/O): a slow listener holds one buffer, not a growing write queue, and no
 * thread waits for it. The sender owns the file from {@link #start} on and closes it when done.
 */
public final class FileSender implements WriteListener {

    private static final int CHUNK = 64 * 1024;
    private final FileVersion file;
    private final long end;
    private final ServletOutputStream out;
    private final AsyncContext async;
    private final byte[] buffer = new byte[CHUNK];
    private long at;

    private FileSender(FileVersion file, long first, long end, ServletOutputStream out, AsyncContext async) {
        this.file = file;
        this.at = first;
        this.end = end;
        this.out = out;
        this.async = async;
    }

    /** Sends {@code count} bytes from {@code first}; the request's servlet must support async. */
    public static void start(HttpServletRequest request, HttpServletResponse response, FileVersion file, long first, long count)
            throws IOException {
        var async = request.startAsync();
        async.setTimeout(0);
        var out = response.getOutputStream();
        out.setWriteListener(new FileSender(file, first, first + count, out, async));
    }

    @Override
    public void onWritePossible() throws IOException {
        var view = ByteBuffer.wrap(buffer);
        while (out.isReady()) {
            if (at >= end) {
                finish();
                return;
            }
            view.clear().limit((int) Math.min(CHUNK, end - at));
            int read = file.channel().read(view, at);
            if (read <= 0) {
                finish();
                return;
            }
            out.write(buffer, 0, read);
            at += read;
        }
    }

    @Override
    public void onError(Throwable clientGone) {
        finish();
    }

    private void finish() {
        file.close();
        async.complete();
    }
}
