package dev.chapitre.waveforms.control;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.function.BooleanSupplier;
import javazoom.jl.decoder.Bitstream;
import javazoom.jl.decoder.BitstreamException;
import javazoom.jl.decoder.Decoder;
import javazoom.jl.decoder.DecoderException;
import javazoom.jl.decoder.Header;
import javazoom.jl.decoder.Obuffer;

/**
 * Decodes an MP3 as a stream, frame by frame, into a {@link LevelScan}: the samples go from the
 * decoder's synthesis filter straight into the scan (mixed to mono), never into a buffer of the
 * whole file, so memory stays the same for a 3-hour episode as for a 3-minute one.
 */
public final class Mp3Analysis {

    private static final int READ_BUFFER = 64 * 1024;

    private Mp3Analysis() {
    }

    /** {@code cancelled} is asked between frames: a replaced audio need not be decoded to its end. */
    public static AudioAnalysis of(InputStream mp3, PauseRule rule, BooleanSupplier cancelled) throws IOException {
        var in = new BufferedInputStream(mp3, READ_BUFFER);
        var start = GaplessStart.read(in);
        var bitstream = new Bitstream(in);
        var mix = new MonoMix(start.skipSamples(), rule);
        var decoder = new Decoder();
        decoder.setOutputBuffer(mix);
        boolean first = true;
        try {
            for (Header header = bitstream.readFrame(); header != null; header = bitstream.readFrame()) {
                if (cancelled.getAsBoolean()) {
                    throw new IOException("Cancelled: the audio changed");
                }
                if (first && start.infoFrame()) {
                    first = false;
                    bitstream.closeFrame();
                    continue;
                }
                first = false;
                mix.beginFrame(header);
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
            throw new IOException("Not readable as MPEG audio: " + e.getMessage(), e);
        } finally {
            try {
                bitstream.close();
            } catch (BitstreamException ignored) {
                // the caller closes the stream itself
            }
        }
        return mix.finish();
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
        private long samples;
        private final PauseRule rule;
        private LevelScan scan;

        MonoMix(int toSkip, PauseRule rule) {
            this.toSkip = toSkip;
            this.rule = rule;
        }

        void beginFrame(Header header) {
            if (scan == null) {
                scan = new LevelScan(header.frequency(), rule);
            }
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
            samples += count - from;
        }

        AudioAnalysis finish() throws IOException {
            if (scan == null) {
                throw new IOException("Not readable as MPEG audio: no frame found");
            }
            return scan.finish(samples);
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
}
