package dev.chapitre.platform.control;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Replacing a file so that readers see the old version or the new one, never part of one, and so
 * that the replacement survives a power cut: a prepared (and flushed) file renamed over the target
 * on the same file system, then the folder flushed. Media storage and the published tree both
 * publish files this way.
 */
public final class AtomicFiles {

    private AtomicFiles() {
    }

    /**
     * Renames {@code prepared} over {@code target} (creating its folder); {@code whatMustShareAFileSystem}
     * names, for the error, the folders an operator must keep on one file system.
     */
    public static void moveIntoPlace(Path prepared, Path target, String whatMustShareAFileSystem) throws IOException {
        Files.createDirectories(target.getParent());
        try {
            Files.move(prepared, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException(whatMustShareAFileSystem + " must be on one file system for atomic replacement", e);
        }
        syncDirectory(target.getParent());
    }

    /** The rename (or removal) itself reaches the disk, not only the file's bytes. */
    public static void syncDirectory(Path directory) throws IOException {
        try (var channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }
}
