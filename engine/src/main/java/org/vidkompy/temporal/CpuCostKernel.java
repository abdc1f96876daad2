package org.vidkompy.temporal;

/** The reference {@link BandCostKernel}: byte dot products, one thread per call. */
public final class CpuCostKernel implements BandCostKernel {

    @jakarta.inject.Inject
    public CpuCostKernel() {
    }

    @Override
    public void fill(DescriptorSequence fg, DescriptorSequence bg, Band band, int rowFrom, int rowTo, float[] out) {
        if (fg.dimension() != bg.dimension()) {
            throw new IllegalArgumentException("fg descriptors have " + fg.dimension()
                    + " cells, bg " + bg.dimension() + ": specs differ");
        }
        byte[] fv = fg.vectors();
        byte[] bv = bg.vectors();
        float[] fn = fg.invNorms();
        float[] bn = bg.invNorms();
        int dim = fg.dimension();
        int bgSize = bg.size();
        int base = band.offset(rowFrom);
        for (int i = rowFrom; i < rowTo; i++) {
            int o = band.offset(i) - base;
            int lo = band.lo(i);
            int hi = band.hi(i);
            float ni = fn[i];
            int fo = i * dim;
            for (int j = lo; j <= hi; j++, o++) {
                float n = j < 0 || j >= bgSize ? 0f : ni * bn[j];
                out[o] = n == 0f ? Float.NaN : 1f - VectorMath.dot(fv, fo, bv, j * dim, dim) * n;
            }
        }
    }
}
