import dev.chapitre.media.control.FileSystemMediaStorage;
import dev.chapitre.tagging.control.Id3TagBuilder;
import dev.chapitre.tagging.control.Id3Version;
import dev.chapitre.tagging.control.TagContent;
import dev.chapitre.tagging.control.TaggedFileWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Optional;

/**
 * Re-tags one MP3 with 20 chapters the way the server does (whole tag built, file written beside,
 * flushed, renamed over), RUNS times, and prints the median and the peak heap.
 * Usage: java -Xmx64m -cp target/classes:jaudiotagger.jar bench/RetagBench.java FILE.mp3 RUNS DATA_DIR
 */
public class RetagBench {
    public static void main(String[] args) throws Exception {
        var source = Path.of(args[0]);
        int runs = Integer.parseInt(args[1]);
        var storage = new FileSystemMediaStorage(args[2]);
        var key = "episodes/bench.mp3";
        Files.createDirectories(storage.localPath(key).getParent());
        Files.copy(source, storage.localPath(key), StandardCopyOption.REPLACE_EXISTING);
        long durationMs = 3_600_000;
        var times = new double[runs];
        for (int run = 0; run < runs; run++) {
            var chapters = new ArrayList<TagContent.TagChapter>();
            for (int i = 0; i < 20; i++) {
                chapters.add(new TagContent.TagChapter(i * 180_000L, (i + 1) * 180_000L, "Chapitre " + (i + 1) + " – révision " + run,
                        Optional.of("https://example.org/chapitre/" + i), Optional.empty(), true));
            }
            var content = new TagContent("Épisode de benchmark", "Chapitre", "Benchmark", Optional.of(2026), Optional.of(1),
                    "Soixante minutes, vingt chapitres.", Optional.of("https://podcasts.example.org/podcasts/bench/episode"),
                    Optional.empty(), chapters);
            long start = System.nanoTime();
            var before = storage.identity(key).orElseThrow();
            var tag = Id3TagBuilder.build(content, Id3Version.V2_3);
            var next = TaggedFileWriter.write(storage.localPath(key), tag, storage.stagingArea(), TaggedFileWriter.NONE);
            if (!storage.replaceIfUnchanged(key, before, next)) {
                throw new IllegalStateException("file changed under the benchmark");
            }
            times[run] = (System.nanoTime() - start) / 1e6;
        }
        long peak = 0;
        for (var pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        Arrays.sort(times);
        System.out.printf("chapitre %.1f ms (median of %d; min %.1f, max %.1f); peak heap %d MiB of %d MiB max%n",
                times[runs / 2], runs, times[0], times[runs - 1], peak >> 20, Runtime.getRuntime().maxMemory() >> 20);
    }
}
