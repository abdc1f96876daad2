package org.vidkompy.cuda;

import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.util.List;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.vidkompy.image.Plane;
import org.vidkompy.spatial.CorrelationInputs;
import org.vidkompy.spatial.Correlator;
import org.vidkompy.spatial.ZnccSurface;

/**
 * The CUDA twin of {@link org.vidkompy.spatial.CpuCorrelator}: the same ZNCC surfaces, computed with
 * cuFFT (double precision, like the reference) on batches of images.
 *
 * <p>Per image batch: the images are uploaded as floats, zero-padded to the power-of-two grid on the
 * device and transformed in one batched cuFFT call; their summed-area tables (host, double) go up
 * beside them. Per template: its spectrum (transformed once per batch of templates) multiplies every
 * image spectrum in one launch, one batched inverse gives all correlations, and one launch normalises
 * them into surfaces, which come back together. Batch sizes follow {@link CorrelationBatches} so the
 * device memory of a call is bounded; everything is freed when the call returns, error or not.
 */
public final class CudaCorrelator implements Correlator {

    private final CudaRuntime rt;

    public CudaCorrelator(CudaRuntime rt) {
        this.rt = rt;
    }

    @Override
    public void correlate(List<Plane> templates, List<Plane> images, SurfaceVisitor visitor) {
        if (!CorrelationInputs.check(templates, images)) {
            return;
        }
        // Every image of a call has the first one's size (checked above).
        Plane first = images.get(0);
        int w = first.width();
        int h = first.height();
        int gw = Math.max(2, nextPow2(w));
        int gh = nextPow2(h);
        try (CudaRuntime.Scope scope = rt.enter()) {
            CorrelationBatches b = CorrelationBatches.plan(w, h, gw, gh, images.size(), templates.size(), rt.budget());
            new Pass(w, h, gw, gh, b).run(templates, images, visitor);
        }
    }

    static int nextPow2(int n) {
        int p = 1;
        while (p < n) {
            p <<= 1;
        }
        return p;
    }

    /** The buffers of one call, sized for the largest batch; all released by run(). */
    private final class Pass {
        final int w;
        final int h;
        final int gw;
        final int gh;
        final int bins;
        final CorrelationBatches b;

        Pass(int w, int h, int gw, int gh, CorrelationBatches b) {
            this.w = w;
            this.h = h;
            this.gw = gw;
            this.gh = gh;
            this.bins = gh * (gw / 2 + 1);
            this.b = b;
        }

        void run(List<Plane> templates, List<Plane> images, SurfaceVisitor visitor) {
            int bi = b.images();
            int bt = b.templates();
            long plane = (long) w * h;
            long grid = (long) gw * gh;
            int tables = SummedAreaTables.length(w, h);
            try (FftPlans fft = new FftPlans(gw, gh);
                 DeviceMemory dImg = DeviceMemory.allocate(4 * plane * bi);
                 DeviceMemory dZero = DeviceMemory.allocate(8L * bi);
                 DeviceMemory dGrid = DeviceMemory.allocate(8 * grid * bi);
                 DeviceMemory dSpec = DeviceMemory.allocate(16L * bins * bi);
                 DeviceMemory dProd = DeviceMemory.allocate(16L * bins * bi);
                 DeviceMemory dSums = DeviceMemory.allocate(8L * tables * bi);
                 DeviceMemory dSqs = DeviceMemory.allocate(8L * tables * bi);
                 DeviceMemory dSurf = DeviceMemory.allocate(4 * plane * bi);
                 DeviceMemory dTpl = DeviceMemory.allocate(4 * plane);
                 DeviceMemory dMean = DeviceMemory.allocate(8);
                 DeviceMemory dTplGrid = DeviceMemory.allocate(8 * grid * bt);
                 DeviceMemory dTplSpec = DeviceMemory.allocate(16L * bins * bt);
                 FloatPointer hPlanes = new FloatPointer(plane * bi);
                 DoublePointer hSums = new DoublePointer((long) tables * bi);
                 DoublePointer hSqs = new DoublePointer((long) tables * bi);
                 DoublePointer hScalar = new DoublePointer(Math.max(1, bi));
                 FloatPointer hSurf = new FloatPointer(plane * bi)) {
                hScalar.fill(0);
                dZero.upload(hScalar, 0, 8L * bi);
                float[] surface = new float[(int) plane];
                for (int i0 = 0; i0 < images.size(); i0 += bi) {
                    int n = Math.min(bi, images.size() - i0);
                    FloatBuffer pb = hPlanes.position(0).asBuffer();
                    DoubleBuffer sb = hSums.position(0).asBuffer();
                    DoubleBuffer qb = hSqs.position(0).asBuffer();
                    for (int k = 0; k < n; k++) {
                        Plane img = images.get(i0 + k);
                        pb.put(img.data(), 0, (int) plane);
                        SummedAreaTables.write(img, sb, qb);
                    }
                    dImg.upload(hPlanes.position(0), 0, 4 * plane * n);
                    dSums.upload(hSums.position(0), 0, 8L * tables * n);
                    dSqs.upload(hSqs.position(0), 0, 8L * tables * n);
                    pad(dImg.address(), dZero.address(), dGrid.address(), w, h, n);
                    fft.forward(dGrid.address(), dSpec.address(), n);
                    for (int t0 = 0; t0 < templates.size(); t0 += bt) {
                        int m = Math.min(bt, templates.size() - t0);
                        double[] norms = new double[m];
                        for (int k = 0; k < m; k++) {
                            norms[k] = uploadTemplate(templates.get(t0 + k), dTpl, dMean, hPlanes, hScalar,
                                    dTplGrid.address() + 8 * grid * k);
                        }
                        fft.forward(dTplGrid.address(), dTplSpec.address(), m);
                        for (int k = 0; k < m; k++) {
                            Plane tpl = templates.get(t0 + k);
                            multiply(dSpec.address(), dTplSpec.address() + 16L * bins * k, dProd.address(), n);
                            fft.inverse(dProd.address(), dGrid.address(), n);
                            int pw = w - tpl.width() + 1;
                            int ph = h - tpl.height() + 1;
                            normalize(dGrid.address(), dSums.address(), dSqs.address(), tpl, norms[k],
                                    dSurf.address(), n);
                            int cells = pw * ph;
                            dSurf.download(hSurf.position(0), 0, 4L * cells * n);
                            FloatBuffer out = hSurf.position(0).asBuffer();
                            ZnccSurface s = new ZnccSurface(pw, ph, surface);
                            for (int i = 0; i < n; i++) {
                                out.get(i * cells, surface, 0, cells);
                                visitor.visit(t0 + k, i0 + i, s);
                            }
                        }
                    }
                }
            }
        }

        /** Uploads one template, pads it minus its mean into {@code grid}; returns its zero-mean norm. */
        private double uploadTemplate(Plane tpl, DeviceMemory dTpl, DeviceMemory dMean, FloatPointer hPlane,
                                      DoublePointer hScalar, long grid) {
            int tw = tpl.width();
            int th = tpl.height();
            int n = tw * th;
            double mean = tpl.mean();
            double norm = 0;
            for (int k = 0; k < n; k++) {
                double v = tpl.data()[k] - mean;
                norm += v * v;
            }
            hPlane.position(0).asBuffer().put(tpl.data(), 0, n);
            dTpl.upload(hPlane.position(0), 0, 4L * n);
            hScalar.position(0).put(mean);
            dMean.upload(hScalar, 0, 8);
            pad(dTpl.address(), dMean.address(), grid, tw, th, 1);
            return Math.sqrt(norm);
        }

        private void pad(long planes, long offsets, long grids, int pw, int ph, int count) {
            try (KernelArgs a = padArgs(planes, pw, ph, offsets, grids, gw, gh, count)) {
                rt.launch(rt.padPlanes, LaunchGeometry.cover(gw, gh, count), a, "pad_planes");
            }
        }

        private void multiply(long spectra, long tpl, long out, int count) {
            try (KernelArgs a = conjMultiplyArgs(spectra, tpl, out, bins, count)) {
                rt.launch(rt.conjMultiply, LaunchGeometry.cover(bins, count, 1), a, "conj_multiply");
            }
        }

        private void normalize(long corr, long sums, long sqs, Plane tpl, double norm, long surfaces, int count) {
            int tw = tpl.width();
            int th = tpl.height();
            double minWindowVar = CorrelationInputs.MIN_WINDOW_STD * CorrelationInputs.MIN_WINDOW_STD * tw * th;
            try (KernelArgs a = normalizeArgs(corr, gw, gh, sums, sqs, w, h, tw, th, norm, minWindowVar, surfaces,
                    count)) {
                rt.launch(rt.znccNormalize, LaunchGeometry.cover(w - tw + 1, h - th + 1, count), a, "zncc_normalize");
            }
        }
    }

    /** Arguments of {@code pad_planes}, in the kernel's order. */
    static KernelArgs padArgs(long planes, int w, int h, long offsets, long grids, int gw, int gh, int count) {
        return new KernelArgs().ptr(planes).i32(w).i32(h).ptr(offsets).ptr(grids).i32(gw).i32(gh).i32(count);
    }

    static KernelArgs conjMultiplyArgs(long spectra, long tpl, long out, int bins, int count) {
        return new KernelArgs().ptr(spectra).ptr(tpl).ptr(out).i32(bins).i32(count);
    }

    /** Arguments of {@code zncc_normalize}; the scale undoes cuFFT's unnormalised inverse. */
    static KernelArgs normalizeArgs(long corr, int gw, int gh, long sums, long sqs, int w, int h, int tw, int th,
                                    double tplNorm, double minWindowVar, long surfaces, int count) {
        return new KernelArgs().ptr(corr).i32(gw).i32(gh).f64(1.0 / ((double) gw * gh))
                .ptr(sums).ptr(sqs).i32(w).i32(h).i32(tw).i32(th).f64(tplNorm).f64(minWindowVar)
                .ptr(surfaces).i32(count);
    }
}
