package org.ecglab.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;

class FiguresTest {
    @BeforeAll
    static void headless() {
        System.setProperty("java.awt.headless", "true");
    }

    @Test
    void pngRoundTripsPixelsAndReplacesAnExistingFile(@TempDir Path dir) throws Exception {
        BufferedImage img = new BufferedImage(5, 3, BufferedImage.TYPE_INT_RGB);
        img.setRGB(2, 1, 0x12ab34);
        Path png = dir.resolve("a.png");
        Files.writeString(png, "old content");
        Figures.toPng(img, png);
        BufferedImage back = ImageIO.read(png.toFile());
        assertEquals(5, back.getWidth());
        assertEquals(3, back.getHeight());
        assertEquals(0x12ab34, back.getRGB(2, 1) & 0xffffff);
        assertEquals(List.of(png), list(dir));
    }

    @Test
    void stackedImagesSitOneBelowTheOtherOnWhite() {
        BufferedImage a = new BufferedImage(4, 2, BufferedImage.TYPE_INT_RGB);
        BufferedImage b = new BufferedImage(6, 3, BufferedImage.TYPE_INT_RGB);
        a.setRGB(3, 1, 0x0000ff);
        b.setRGB(5, 0, 0xff0000);
        BufferedImage s = Figures.stack(List.of(a, b), 5);
        assertEquals(6, s.getWidth());
        assertEquals(2 + 5 + 3, s.getHeight());
        assertEquals(0x0000ff, s.getRGB(3, 1) & 0xffffff);
        assertEquals(0xff0000, s.getRGB(5, 7) & 0xffffff);
        assertEquals(0xffffff, s.getRGB(5, 1) & 0xffffff, "right of the narrower image: white");
        assertEquals(0xffffff, s.getRGB(0, 4) & 0xffffff, "the gap: white");
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> Figures.stack(List.of(), 0));
    }

    @Test
    void xchartChartBecomesAnImageOfItsSize() {
        XYChart chart = new XYChartBuilder().width(320).height(240).build();
        chart.addSeries("y", new double[] {0, 1, 2}, new double[] {0, 1, 4});
        BufferedImage img = Figures.toImage(chart);
        assertEquals(320, img.getWidth());
        assertEquals(240, img.getHeight());
    }

    private static List<Path> list(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.toList();
        }
    }
}
