import dev.chapitre.waveforms.control.Mp3Analysis;
import dev.chapitre.waveforms.control.PauseRule;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Peaks and pauses of one MP3 as the server computes them (Mp3Analysis: decode, mix to mono, 10 ms
 * pixels, pauses), RUNS times after one warm-up each way: in parts side by side, one per core (a
 * file on the media's file system) and in one pass (a bucket's object, read as a stream). Prints
 * the medians and the peak heap.
 * Usage: java -Xmx256m -cp target/classes:jlayer.jar bench/WaveformBench.java FILE.mp3 RUNS
 */
public class WaveformBench {
    public static void main(String[] args) throws Exception {
        var file = Path.of(args[0]);
        int runs = Integer.parseInt(args[1]);
        int cores = Runtime.getRuntime().availableProcessors();
        var pool = java.util.concurrent.Executors.newFixedThreadPool(cores);
        int pixels = 0;
        int pauses = 0;
        for (var inParts : new boolean[] {true, false}) {
            var times = new double[runs];
            for (int run = -1; run < runs; run++) {
                long start = System.nanoTime();
                try (var in = Files.newInputStream(file)) {
                    var analysis = inParts ? Mp3Analysis.of(file, PauseRule.SPEECH, () -> false, pool, cores)
                            : Mp3Analysis.of(in, PauseRule.SPEECH, () -> false);
                    pixels = analysis.pixels();
                    pauses = analysis.pauses().size();
                }
                if (run >= 0) {
                    times[run] = (System.nanoTime() - start) / 1e9;
                }
            }
            Arrays.sort(times);
            System.out.printf("chapitre, %s: %.2f s (median of %d; min %.2f, max %.2f)%n", inParts ? cores + " parts side by side" : "one pass",
                    times[runs / 2], runs, times[0], times[runs - 1]);
        }
        pool.shutdown();
        long peak = 0;
        for (var memory : ManagementFactory.getMemoryPoolMXBeans()) {
            if (memory.getType() == MemoryType.HEAP) {
                peak += memory.getPeakUsage().getUsed();
            }
        }
        System.out.printf("%d pixels, %d pauses; peak heap %d MiB of %d MiB max%n", pixels, pauses, peak >> 20,
                Runtime.getRuntime().maxMemory() >> 20);
    }
}
