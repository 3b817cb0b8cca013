package org.ecglab.plot;

import java.nio.file.Path;

/** Scratch main (not a test): renders example figures to a folder for looking at. Usage: PlotGallery [dir]. */
final class PlotGallery {
    private PlotGallery() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("java.awt.headless", "true");
        Path dir = Path.of(args.length > 0 ? args[0] : "/tmp");
        EcgGridFigure fig = EcgGridFigure.of(TestBeats.beat())
                .attribution(TestBeats.qrsAttribution(7), true)
                .mask(TestBeats.qrsMask())
                .title("integrated_gradients — LBBB task, ECG syn-00012");
        fig.save(dir.resolve("ecg-grid.png"));
        fig.saveSvg(dir.resolve("ecg-grid.svg"));
        fig.arrangement(EcgGridLayout.Arrangement.THREE_BY_FOUR).save(dir.resolve("ecg-grid-3x4.png"));
        fig.attribution(TestBeats.qrsAttribution(7), false).mask(null).size(900, 650)
                .title("saliency (absolute) — small").save(dir.resolve("ecg-grid-abs-small.png"));
        EcgGridFigure.of(TestBeats.beat()).title("plain ECG").save(dir.resolve("ecg-plain.png"));
        java.util.List<String> methods = java.util.List.of("saliency", "input_x_gradient", "integrated_gradients",
                "smoothgrad", "gradient_shap", "deeplift", "deeplift_shap", "guided_backprop", "deconvolution",
                "grad_cam", "guided_grad_cam", "lrp_epsilon");
        int n = methods.size();
        double[][] rho = new double[n][n];
        java.util.SplittableRandom rng = new java.util.SplittableRandom(3);
        for (int i = 0; i < n; i++) {
            rho[i][i] = 1;
            for (int j = 0; j < i; j++) {
                rho[i][j] = rho[j][i] = Math.round((rng.nextDouble() * 1.3 - 0.3) * 100) / 100.0;
            }
        }
        rho[3][9] = rho[9][3] = Double.NaN;
        HeatmapFigure.of(rho, methods).title("Inter-method similarity (Spearman, |a|) — LBBB")
                .colorLabel("Spearman \u03c1").save(dir.resolve("heatmap.png"));
        java.util.Map<String, double[]> groups = new java.util.LinkedHashMap<>();
        for (int m = 0; m < 8; m++) {
            double[] v = new double[40];
            for (int i = 0; i < v.length; i++) {
                v[i] = 0.3 + 0.05 * m + 0.15 * rng.nextGaussian();
            }
            v[0] = -0.4;
            groups.put(methods.get(m), v);
        }
        BoxPlotFigure.of(groups).title("Self-consistency across 5 seeds").yAxisTitle("Spearman \u03c1")
                .xAxisTitle("method").save(dir.resolve("box.png"));
        double[] steps = {0, 1, 2, 3, 4, 5, 6};
        CurveFigure curves = CurveFigure.create().title("Cascading randomisation")
                .xAxisTitle("layers randomised (from the top)").yAxisTitle("Spearman \u03c1 with original");
        for (int m = 0; m < 3; m++) {
            double[] y = new double[7];
            double[] lo = new double[7];
            double[] hi = new double[7];
            for (int i = 0; i < 7; i++) {
                y[i] = Math.exp(-i * (0.3 + 0.3 * m)) * 0.9 + 0.05 * m;
                lo[i] = y[i] - 0.06;
                hi[i] = y[i] + 0.06;
            }
            curves = curves.curve(methods.get(m), steps, y, lo, hi);
        }
        curves.save(dir.resolve("curves.png"));
        curves.saveSvg(dir.resolve("curves.svg"));
    }
}
