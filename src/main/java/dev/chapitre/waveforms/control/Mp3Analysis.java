package dev.chapitre.waveforms.control;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.FutureTask;
import java.util.function.BooleanSupplier;
import javazoom.jl.decoder.Bitstream;
import javazoom.jl.decoder.BitstreamException;
import javazoom.jl.decoder.Decoder;
import javazoom.jl.decoder.DecoderException;
import javazoom.jl.decoder.Header;
import javazoom.jl.decoder.Obuffer;

/**
 * Decodes an MP3 frame by frame into {@link LevelScan}s: the samples go from the decoder's synthesis
 * filter straight into the scan (mixed to mono), never into a buffer of the whole file, so memory
 * stays the same for a 3-hour episode as for a 3-minute one.
 * <p>
 * A file on this machine's disk is cut into parts decoded side by side (decoding is all CPU, and a
 * host has more than one core): each part starts at least {@value #WARM_UP} frames and
 * {@value #WARM_UP_BYTES} bytes early, whose sound is dropped, so that the decoder's state (the bit
 * reservoir, which reaches back up to 511 bytes: many small frames at low rates; the overlap of the
 * MDCT; the synthesis filter's window) is what it would have been; the parts' levels are then joined
 * (see {@link LevelScan#joined}). A part that did not decode to the samples its frames hold (the
 * reservoir reached further still, or a damaged frame) sends the file back to one pass: the parts are
 * a speed-up, never a different answer. A stream (object storage) is decoded in one pass.
 */
public final class Mp3Analysis {

    static final int WARM_UP = 10;
    static final int WARM_UP_BYTES = 2048;
    /** A part is worth its warm-up and its thread from about a minute of audio on. */
    static final int MIN_PART_FRAMES = 2_000;
    private static final int READ_BUFFER = 64 * 1024;

    private Mp3Analysis() {
    }

    /** One pass over a stream. {@code cancelled} is asked between frames. */
    public static AudioAnalysis of(InputStream mp3, PauseRule rule, BooleanSupplier cancelled) throws IOException {
        var in = new BufferedInputStream(mp3, READ_BUFFER);
        var start = GaplessStart.read(in);
        var part = decode(in, new Plan(start.infoFrame() ? 1 : 0, start.skipSamples(), 0, Long.MAX_VALUE, 0), rule, cancelled);
        return LevelScan.joined(part.sampleRate, rule, List.of(part.levels));
    }

    /** A file, in up to {@code parallelism} parts run on {@code executor} (the caller runs the first). */
    public static AudioAnalysis of(Path mp3, PauseRule rule, BooleanSupplier cancelled, Executor executor, int parallelism)
            throws IOException {
        return of(mp3, rule, cancelled, executor, parallelism, MIN_PART_FRAMES);
    }

    static AudioAnalysis of(Path mp3, PauseRule rule, BooleanSupplier cancelled, Executor executor, int parallelism, int minPartFrames)
            throws IOException {
        try (var file = FileChannel.open(mp3, StandardOpenOption.READ)) {
            var start = GaplessStart.read(new BufferedInputStream(Channels.newInputStream(file), READ_BUFFER));
            var index = FrameIndex.of(file, start.firstFrameAt());
            int frames = index.map(offsets -> offsets.length).orElse(0);
            int parts = Math.max(1, Math.min(parallelism, frames / minPartFrames));
            if (index.isEmpty() || parts == 1) {
                file.position(0);
                return of(Channels.newInputStream(file), rule, cancelled);
            }
            var offsets = index.get();
            int infoFrames = start.infoFrame() ? 1 : 0;
            int perFrame = samplesPerFrame(offsets, file);
            var failed = new java.util.concurrent.atomic.AtomicBoolean();
            BooleanSupplier stop = () -> failed.get() || cancelled.getAsBoolean();
            var tasks = new ArrayList<FutureTask<Decoded>>();
            var expected = new ArrayList<Long>();
            for (int k = 0; k < parts; k++) {
                int from = (int) ((long) frames * k / parts);
                int to = k + 1 == parts ? frames : (int) ((long) frames * (k + 1) / parts);
                int decodeFrom = from;
                while (k > 0 && decodeFrom > infoFrames && (from - decodeFrom < WARM_UP || offsets[from] - offsets[decodeFrom] < WARM_UP_BYTES)) {
                    decodeFrom--;
                }
                long end = to == frames ? Long.MAX_VALUE : offsets[to];
                long firstSample = k == 0 ? 0 : (long) (from - infoFrames) * perFrame - start.skipSamples();
                var plan = k == 0 ? new Plan(infoFrames, start.skipSamples(), offsets[0], end, 0)
                        : new Plan(from - decodeFrom, 0, offsets[decodeFrom], end, Math.max(0, firstSample));
                expected.add(to == frames ? -1 : (long) (to - infoFrames) * perFrame - start.skipSamples() - plan.firstSample());
                tasks.add(new FutureTask<>(() -> {
                    try (var part = FileChannel.open(mp3, StandardOpenOption.READ)) {
                        part.position(plan.fromByte());
                        var bounded = new BufferedInputStream(new Bounded(Channels.newInputStream(part), plan.toByte() - plan.fromByte()), READ_BUFFER);
                        return decode(bounded, plan, rule, stop);
                    } catch (IOException | RuntimeException e) {
                        failed.set(true); // the other parts stop at their next frame
                        throw e;
                    }
                }));
            }
            tasks.subList(1, tasks.size()).forEach(executor::execute);
            var decoded = new ArrayList<Decoded>();
            for (var task : tasks) {
                task.run(); // a part no thread took yet is decoded here; one already started returns at once
                decoded.add(result(task));
            }
            int rate = decoded.get(0).sampleRate;
            boolean whole = true;
            for (int k = 0; k < decoded.size(); k++) {
                whole &= decoded.get(k).sampleRate == rate && (expected.get(k) < 0 || decoded.get(k).levels.samples() == expected.get(k));
            }
            if (!whole) {
                file.position(0);
                return of(Channels.newInputStream(file), rule, cancelled);
            }
            return LevelScan.joined(rate, rule, decoded.stream().map(d -> d.levels).toList());
        }
    }

    private static Decoded result(FutureTask<Decoded> task) throws IOException {
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IOException(e.getCause());
        }
    }

    /** The samples each frame of the file decodes to (the first frame's kind: the index holds one kind only). */
    private static int samplesPerFrame(long[] offsets, FileChannel file) throws IOException {
        var header = java.nio.ByteBuffer.allocate(4);
        file.read(header, offsets[0]);
        int h = header.getInt(0);
        int layer = h >>> 17 & 0x3;
        int version = h >>> 19 & 0x3;
        return layer == 3 ? 384 : layer == 2 || version == 3 ? 1152 : 576;
    }

    /**
     * What one decoder does: drop the sound of the first {@code dropFrames} frames (an Info header, or a
     * part's warm-up) and then {@code skipSamples} (the encoder's delay), and scan the rest as from
     * {@code firstSample} of the file.
     */
    private record Plan(int dropFrames, int skipSamples, long fromByte, long toByte, long firstSample) {
    }

    private record Decoded(int sampleRate, LevelScan.Part levels) {
    }

    private static Decoded decode(InputStream in, Plan plan, PauseRule rule, BooleanSupplier cancelled) throws IOException {
        var bitstream = new Bitstream(in);
        var mix = new MonoMix(plan.skipSamples());
        var decoder = new Decoder();
        decoder.setOutputBuffer(mix);
        int frame = 0;
        try {
            for (Header header = bitstream.readFrame(); header != null; header = bitstream.readFrame()) {
                if (cancelled.getAsBoolean() || Thread.currentThread().isInterrupted()) {
                    throw new IOException("Cancelled");
                }
                if (mix.scan == null) {
                    mix.scan = new LevelScan(header.frequency(), rule, plan.firstSample());
                    mix.sampleRate = header.frequency();
                }
                mix.beginFrame(frame++ < plan.dropFrames());
                try {
                    decoder.decodeFrame(header, bitstream);
                } catch (DecoderException | ArrayIndexOutOfBoundsException broken) {
                    // One damaged frame: its time is kept (as silence) so that what follows stays in place.
                    mix.silence(samplesPerFrame(header));
                }
                mix.endFrame();
                bitstream.closeFrame();
            }
        } catch (BitstreamException e) {
            throw new UndecodableAudio("Not readable as MPEG audio: " + e.getMessage(), e);
        } finally {
            try {
                bitstream.close();
            } catch (BitstreamException ignored) {
                // the caller closes the stream itself
            }
        }
        if (mix.scan == null) {
            throw new UndecodableAudio("Not readable as MPEG audio: no frame found", null);
        }
        return new Decoded(mix.sampleRate, mix.scan.finish());
    }

    static int samplesPerFrame(Header header) {
        return switch (header.layer()) {
            case 1 -> 384;
            case 2 -> 1152;
            default -> header.version() == Header.MPEG1 ? 1152 : 576;
        };
    }

    /**
     * The decoder's output: each channel's samples of a frame as they come out of the filter bank
     * (first all of the left, then the right), averaged per frame into one channel.
     */
    private static final class MonoMix extends Obuffer {

        private final float[][] channels = new float[2][1152];
        private final int[] filled = new int[2];
        private final float[] mono = new float[1152];
        private int toSkip;
        private boolean dropped;
        LevelScan scan;
        int sampleRate;

        MonoMix(int toSkip) {
            this.toSkip = toSkip;
        }

        void beginFrame(boolean drop) {
            dropped = drop;
            filled[0] = 0;
            filled[1] = 0;
        }

        @Override
        public void appendSamples(int channel, float[] block) {
            int at = filled[channel];
            int count = Math.min(block.length, channels[channel].length - at);
            System.arraycopy(block, 0, channels[channel], at, count);
            filled[channel] = at + count;
        }

        @Override
        public void append(int channel, short value) {
            if (filled[channel] < channels[channel].length) {
                channels[channel][filled[channel]++] = value;
            }
        }

        void silence(int count) {
            Arrays.fill(channels[0], 0, Math.min(count, channels[0].length), 0f);
            filled[0] = Math.min(count, channels[0].length);
            filled[1] = 0;
        }

        void endFrame() {
            if (dropped) {
                return;
            }
            int count;
            if (filled[1] == 0) {
                count = filled[0];
                System.arraycopy(channels[0], 0, mono, 0, count);
            } else {
                count = Math.min(filled[0], filled[1]);
                for (int i = 0; i < count; i++) {
                    mono[i] = (channels[0][i] + channels[1][i]) * 0.5f;
                }
            }
            int from = Math.min(toSkip, count);
            toSkip -= from;
            if (from > 0) {
                System.arraycopy(mono, from, mono, 0, count - from);
            }
            scan.accept(mono, count - from);
        }

        @Override
        public void write_buffer(int val) {
            // endFrame consumes each frame once the decoder is done with it
        }

        @Override
        public void close() {
        }

        @Override
        public void clear_buffer() {
        }

        @Override
        public void set_stop_flag() {
        }
    }

    /** At most {@code limit} bytes of a stream: a part ends where the next begins. */
    private static final class Bounded extends java.io.FilterInputStream {
        private long left;

        Bounded(InputStream in, long limit) {
            super(in);
            this.left = limit;
        }

        @Override
        public int read() throws IOException {
            if (left <= 0) {
                return -1;
            }
            int b = super.read();
            left -= b >= 0 ? 1 : 0;
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (left <= 0) {
                return -1;
            }
            int n = super.read(b, off, (int) Math.min(len, left));
            left -= Math.max(0, n);
            return n;
        }
    }
}
