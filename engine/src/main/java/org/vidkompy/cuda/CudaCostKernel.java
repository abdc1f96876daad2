package org.vidkompy.cuda;

import java.nio.IntBuffer;
import java.util.List;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.IntPointer;
import org.vidkompy.temporal.Band;
import org.vidkompy.temporal.BandCostKernel;
import org.vidkompy.temporal.DescriptorSequence;

/**
 * The CUDA twin of {@link org.vidkompy.temporal.CpuCostKernel}: one thread per band cell computes the
 * byte dot product and {@code 1 - r} exactly as the CPU does (see band_cost.cu), so the costs and the
 * Viterbi paths are identical.
 *
 * <p>Stateless between calls: each call uploads only the fg rows and the bg columns its band touches,
 * in chunks bounded by {@link CostChunks}, and frees everything before returning. Nothing is cached
 * per sequence, so there is no device memory to leak and no identity map to keep consistent; the
 * uploads are proportional to rows + columns while the work is proportional to cells x dimension.
 */
public final class CudaCostKernel implements BandCostKernel {

    /** Device memory one fill may use at most. */
    static final long MAX_BUDGET = 256L << 20;

    private final CudaRuntime rt;

    public CudaCostKernel(CudaRuntime rt) {
        this.rt = rt;
    }

    @Override
    public void fill(DescriptorSequence fg, DescriptorSequence bg, Band band, int rowFrom, int rowTo, float[] out) {
        if (fg.dimension() != bg.dimension()) {
            throw new IllegalArgumentException("fg descriptors have " + fg.dimension()
                    + " cells, bg " + bg.dimension() + ": specs differ");
        }
        if (rowFrom >= rowTo) {
            return;
        }
        int dim = fg.dimension();
        int bgSize = bg.size();
        int base = band.offset(rowFrom);
        try (CudaRuntime.Scope scope = rt.enter()) {
            long budget = Math.min(MAX_BUDGET, rt.budget());
            List<CostChunks.Chunk> chunks = CostChunks.plan(band::lo, band::hi, rowFrom, rowTo, dim, bgSize, budget,
                    LaunchGeometry.MAX_GRID_YZ);
            int maxRows = 0;
            int maxCols = 1;
            long maxCells = 0;
            for (CostChunks.Chunk c : chunks) {
                maxRows = Math.max(maxRows, c.rows());
                maxCols = Math.max(maxCols, c.cols());
                maxCells = Math.max(maxCells, c.cells());
            }
            try (DeviceMemory dFg = DeviceMemory.allocate((long) maxRows * dim);
                 DeviceMemory dFgInv = DeviceMemory.allocate(4L * maxRows);
                 DeviceMemory dBg = DeviceMemory.allocate((long) maxCols * dim);
                 DeviceMemory dBgInv = DeviceMemory.allocate(4L * maxCols);
                 DeviceMemory dSpans = DeviceMemory.allocate(12L * maxRows);
                 DeviceMemory dOut = DeviceMemory.allocate(4L * maxCells);
                 BytePointer hFg = new BytePointer((long) maxRows * dim);
                 FloatPointer hFgInv = new FloatPointer(maxRows);
                 BytePointer hBg = new BytePointer((long) maxCols * dim);
                 FloatPointer hBgInv = new FloatPointer(maxCols);
                 IntPointer hSpans = new IntPointer(3L * maxRows);
                 FloatPointer hOut = new FloatPointer(maxCells)) {
                for (CostChunks.Chunk c : chunks) {
                    int rows = c.rows();
                    fg.copyVectors(c.rowFrom(), c.rowTo(), hFg.position(0).asBuffer());
                    fg.copyInvNorms(c.rowFrom(), c.rowTo(), hFgInv.position(0).asBuffer());
                    dFg.upload(hFg, 0, (long) rows * dim);
                    dFgInv.upload(hFgInv, 0, 4L * rows);
                    if (c.cols() > 0) {
                        bg.copyVectors(c.colFrom(), c.colTo(), hBg.position(0).asBuffer());
                        bg.copyInvNorms(c.colFrom(), c.colTo(), hBgInv.position(0).asBuffer());
                        dBg.upload(hBg, 0, (long) c.cols() * dim);
                        dBgInv.upload(hBgInv, 0, 4L * c.cols());
                    }
                    // lo, hi and output offsets of the chunk's rows, one array after the other.
                    IntBuffer spans = hSpans.position(0).asBuffer();
                    int first = band.offset(c.rowFrom());
                    for (int r = c.rowFrom(); r < c.rowTo(); r++) {
                        spans.put(r - c.rowFrom(), band.lo(r));
                        spans.put(rows + r - c.rowFrom(), band.hi(r));
                        spans.put(2 * rows + r - c.rowFrom(), band.offset(r) - first);
                    }
                    dSpans.upload(hSpans, 0, 12L * rows);
                    long lo = dSpans.address();
                    try (KernelArgs a = bandCostArgs(dFg.address(), dFgInv.address(), dBg.address(), dBgInv.address(),
                            c.colFrom(), c.cols(), bgSize, lo, lo + 4L * rows, lo + 8L * rows, rows, dim,
                            dOut.address())) {
                        rt.launch(rt.bandCost, geometry(c), a, "band_cost");
                    }
                    dOut.download(hOut, 0, 4L * c.cells());
                    hOut.position(0).get(out, first - base, (int) c.cells());
                }
            }
        }
    }

    /** One thread per cell: columns of a row along x, rows along y. */
    static LaunchGeometry geometry(CostChunks.Chunk c) {
        return LaunchGeometry.cover(c.maxWidth(), c.rows(), 1);
    }

    /** Arguments of {@code band_cost}, in the kernel's order. */
    static KernelArgs bandCostArgs(long fgVec, long fgInv, long bgVec, long bgInv, int bgCol0, int bgCols, int bgSize,
                                   long lo, long hi, long off, int rows, int dim, long out) {
        return new KernelArgs().ptr(fgVec).ptr(fgInv).ptr(bgVec).ptr(bgInv).i32(bgCol0).i32(bgCols).i32(bgSize)
                .ptr(lo).ptr(hi).ptr(off).i32(rows).i32(dim).ptr(out);
    }
}
