package dev.chapitre.media.control;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

class FileSystemMediaStorageTest extends MediaStorageContract {

    @TempDir
    Path data;
    FileSystemMediaStorage storage;

    @BeforeEach
    void aStorage() {
        storage = new FileSystemMediaStorage(data.toString());
    }

    @Override
    MediaStorage storage() {
        return storage;
    }

    @Override
    List<String> unfinished() throws IOException {
        try (var files = Files.list(storage.stagingArea())) {
            return files.map(Path::toString).toList();
        }
    }
}
