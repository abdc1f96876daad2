package org.vidkompy.cli;

import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.ArrayList;
import org.vidkompy.io.OutputFile;
import org.vidkompy.io.OutputPolicy;
import java.util.List;
import org.vidkompy.io.AudioSource;
import org.vidkompy.io.MediaJoiner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "join", mixinStandardHelpOptions = true,
        description = {"Join chunks rendered with 'render --frames A-B --no-audio' into one file by stream copy (no "
                + "re-encoding), in the order given, and add the audio of --audio (normally the FG) once."},
        footerHeading = "%nExample (a render farm split into three jobs):%n",
        footer = {"  vidkompy render bg.mp4 fg.mp4 -a a.json --frames 0-999     --no-audio -o part1.mp4",
            "  vidkompy render bg.mp4 fg.mp4 -a a.json --frames 1000-1999 --no-audio -o part2.mp4",
            "  vidkompy render bg.mp4 fg.mp4 -a a.json --frames 2000-2499 --no-audio -o part3.mp4",
            "  vidkompy join out.mp4 part1.mp4 part2.mp4 part3.mp4 --audio fg.mp4"})
final class JoinCommand implements Runnable {

    private final OutputPolicy outputs;
    private final Console console;

    @Parameters(index = "0", paramLabel = "OUT", description = "The joined file.")
    Path output;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "PART", description = "Chunks, in order.")
    List<Path> parts;

    @Option(names = "--audio", paramLabel = "FILE", description = "Take the audio from this file (e.g. the FG).")
    Path audio;

    @Option(names = {"-f", "--force"}, description = "Overwrite an existing output file.")
    boolean force;

    @Inject
    JoinCommand(OutputPolicy outputs, Console console) {
        this.outputs = outputs;
        this.console = console;
    }

    @Override
    public void run() {
        List<Path> inputs = new ArrayList<>();
        for (Path p : parts) {
            inputs.add(InputFile.require(p, "PART"));
        }
        if (audio != null) {
            inputs.add(InputFile.require(audio, "--audio"));
        }
        try (OutputFile out = outputs.claim(output, force, inputs)) {
            MediaJoiner.join(parts, out, audio != null ? AudioSource.of(audio) : null);
        }
        console.result("output: " + output);
    }
}
