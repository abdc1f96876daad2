package org.vidkompy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.PositionalParamSpec;

/** align takes BG FG like every other command that takes the pair. */
class AlignCommandTest {

    @TempDir
    Path dir;

    @Test
    void findsTheFgInTheBgGivenBackgroundFirst() throws Exception {
        BufferedImage bg = shapes(320, 180);
        Path bgFile = dir.resolve("screen.png");
        Path fgFile = dir.resolve("inset.png");
        ImageIO.write(bg, "png", bgFile.toFile());
        ImageIO.write(bg.getSubimage(83, 47, 160, 90), "png", fgFile.toFile());
        CliRun r = CliRun.of("align", bgFile.toString(), fgFile.toString(), "--json");
        assertEquals(ExitCodes.OK, r.exit(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertEquals(bgFile.toString(), j.get("background").get("path").asText());
        assertEquals(83, j.get("x").asDouble(), 0.25);
        assertEquals(47, j.get("y").asDouble(), 0.25);
        assertEquals(1.0, j.get("scale").asDouble(), 0.005);
        CliRun gpu = CliRun.of("align", bgFile.toString(), fgFile.toString(), "--gpu=off");
        assertEquals(ExitCodes.USAGE, gpu.exit(), "align has no --gpu: " + gpu.err());
    }

    /** A picture with structure at every scale: seeded random ellipses and boxes of many greys. */
    private static BufferedImage shapes(int w, int h) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        Random rnd = new Random(11);
        for (int i = 0; i < 400; i++) {
            g.setColor(new Color(rnd.nextInt(256), rnd.nextInt(256), rnd.nextInt(256)));
            int x = rnd.nextInt(w);
            int y = rnd.nextInt(h);
            int sw = 4 + rnd.nextInt(40);
            int sh = 4 + rnd.nextInt(40);
            if (i % 2 == 0) {
                g.fillOval(x - sw / 2, y - sh / 2, sw, sh);
            } else {
                g.fillRect(x - sw / 2, y - sh / 2, sw, sh);
            }
        }
        g.dispose();
        return img;
    }

    @Test
    void everyCommandThatTakesThePairTakesBgThenFg() {
        PrintWriter quiet = new PrintWriter(new StringWriter());
        CommandLine cli = Cli.commandLine(Cli.injector(new String[0], quiet, quiet), quiet, quiet);
        for (String name : List.of("analyze", "comp", "render", "check", "align")) {
            List<String> labels = cli.getSubcommands().get(name).getCommandSpec().positionalParameters().stream()
                    .map(PositionalParamSpec::paramLabel).toList();
            assertEquals(List.of("BG", "FG"), labels, name);
        }
        StringWriter help = new StringWriter();
        cli.getSubcommands().get("align").usage(new PrintWriter(help));
        assertTrue(help.toString().contains("BG FG"), help.toString());
    }
}
