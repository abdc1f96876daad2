package org.vidkompy.temporal;

/**
 * Descriptor distances for the cells of a band: the part of the alignment worth moving to a GPU.
 * The recursion over the band stays on the CPU; a CUDA twin only has to fill the same array.
 *
 * <p>The distance is {@code 1 - r} with {@code r} the normalised correlation of the two frame vectors
 * (0 = same picture up to gain and bias, 1 = unrelated, 2 = inverted). Where there is no evidence, the
 * kernel writes {@code NaN}: the bg column is virtual (outside {@code [0, bg.size())}) or either
 * frame is uninformative. Implementations must be stateless or thread-safe.
 */
public interface BandCostKernel {

    /**
     * Fills {@code out[band.offset(r) - band.offset(rowFrom)]...} for every cell of rows
     * {@code [rowFrom, rowTo)}, row-major.
     */
    void fill(DescriptorSequence fg, DescriptorSequence bg, Band band, int rowFrom, int rowTo, float[] out);
}
